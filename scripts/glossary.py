"""The glossary: data/glossary.yml -> the entries on the glossary page, and the tooltips.

Fragments (build output, see scripts/fragments.py):
- snippets/generated/ordlista.{sv,en}.md: one entry per term, included by docs/ordlista.md and
  docs/ordlista.en.md, which hold the page's own words;
- snippets/generated/terms.{sv,en}.md: the term help, one file per language. Every page except
  the glossary ends with the line `--8<-- "generated/terms.<its language>.md"` (tests/test_term_help.py
  checks it); scripts/term_help.py, a Markdown extension, turns the first use of each term on the
  page into a link to its glossary entry, explained in the page's language. Terms marked
  `tooltip: false` are in the glossary but get no term help: see data/glossary.yml for why.

    python -m scripts.glossary [--check]
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

from scripts.datafile import entry_start, labels
from scripts.errors import InputError, InputErrors, display_path
from scripts.fragments import Fragment
from scripts.frontmatter import read as read_page
from scripts.paths import DATA, DOCS, GENERATED_SNIPPETS, LANGUAGES
from scripts.yaml_lines import Located, load

NAME = "glossary"
DATA_FILE = DATA / "glossary.yml"

TERM_KEYS = {"id", "sv", "en", "definition", "forms", "see", "tooltip", "avoid", "avoid_patterns"}
# Characters that break the one-line `*[term]: definition` syntax or read badly in a tooltip.
BAD_IN_TERM = re.compile(r"[\[\]\n*:\"“”]")
BAD_IN_DEFINITION = re.compile(r"[\n\"“”«»\[\]]")
SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
TOOLTIP_MAX_CHARS = 160


@dataclass(frozen=True)
class Term:
    id: str
    line: int
    term: dict[str, str]
    definition: dict[str, str]
    forms: tuple[str, ...]
    see: str | None
    tooltip: dict[str, bool]
    avoid: tuple[str, ...] = ()  # English forms not to use for this term (tests/test_terminology.py)
    avoid_patterns: tuple[re.Pattern[str], ...] = ()
    avoid_line: int = 0


@dataclass(frozen=True)
class Glossary:
    path: Path
    terms: list[Term]


def _text(value: object) -> str | None:
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def _read_term(path: Path, item: Located, docs: Path, errors: list[InputError]) -> Term | None:
    before = len(errors)
    start = entry_start(path, item, "term", TERM_KEYS, errors=errors,
                        id_hint="for example 'id: kulturplan'; the id becomes the link anchor")
    if start is None:
        return None
    term_id, value, key_lines = start
    label = f"term '{term_id}'"
    term: dict[str, str] = {}
    for language in LANGUAGES:
        text = _text(value.get(language))
        if text is None:
            errors.append(InputError(
                path, f"{label}: the {'Swedish' if language == 'sv' else 'English'} term"
                f" '{language}:' is missing", line=item.line,
                hint=f"add '{language}: ...' with the word itself",
            ))
        elif BAD_IN_TERM.search(text):
            errors.append(InputError(
                path, f"{label}: the term {text!r} contains a character that breaks tooltips",
                line=key_lines[language], hint="leave out brackets, colons, asterisks and quotes",
            ))
        else:
            term[language] = text
    definition: dict[str, str] = {}
    located = item.get("definition")
    raw = located.value if located is not None and isinstance(located.value, dict) else {}
    for language in LANGUAGES:
        text = _text(raw.get(language))
        line = located.key_line(language) if located is not None and isinstance(located.value, dict) \
            else (located or item).line
        if text is None:
            errors.append(InputError(
                path, f"{label}: the {'Swedish' if language == 'sv' else 'English'} definition is missing",
                line=line, hint=f"add '{language}: ...' under 'definition:', one short sentence",
            ))
            continue
        if BAD_IN_DEFINITION.search(text):
            errors.append(InputError(
                path, f"{label}: the {language} definition contains quotation marks or brackets",
                line=line, hint="the definition is also a tooltip; write it without them",
            ))
        if len(SENTENCE_END.findall(text)) != 1 or not text.endswith("."):
            errors.append(InputError(
                path, f"{label}: the {language} definition must be one sentence ending with a full stop",
                line=line, hint="shorten it; the page it links to with 'see:' can say more",
            ))
        if len(text) > TOOLTIP_MAX_CHARS:
            errors.append(InputError(
                path, f"{label}: the {language} definition is {len(text)} characters;"
                f" keep it under {TOOLTIP_MAX_CHARS}", line=line,
                hint="a tooltip must be quick to read",
            ))
        definition[language] = text
    forms_value = value.get("forms", [])
    forms: list[str] = []
    if not isinstance(forms_value, list):
        errors.append(InputError(
            path, f"{label}: 'forms' must be a list", line=key_lines["forms"],
            hint="for example 'forms: [kulturplanen, kulturplaner]'",
        ))
    else:
        for form in forms_value:
            text = _text(form)
            if text is None or BAD_IN_TERM.search(text):
                errors.append(InputError(
                    path, f"{label}: the form {form!r} is empty or contains a character that"
                    " breaks tooltips", line=key_lines["forms"],
                ))
            else:
                forms.append(text)
    see = value.get("see")
    if see is not None:
        if not isinstance(see, str) or not see.endswith(".md") or see.endswith(".en.md"):
            errors.append(InputError(
                path, f"{label}: 'see' must be the Swedish page's file, like modellen.md",
                line=key_lines["see"], hint="the English glossary links to the .en.md twin itself",
            ))
        else:
            for page in (see, see[: -len(".md")] + ".en.md"):
                if not (docs / page).is_file():
                    errors.append(InputError(
                        path, f"{label}: 'see' names {page}, which does not exist under docs/",
                        line=key_lines["see"], hint="check the spelling of the page's file name",
                    ))
    raw_tooltip = value.get("tooltip", True)
    if isinstance(raw_tooltip, bool):
        tooltip = {language: raw_tooltip for language in LANGUAGES}
    elif isinstance(raw_tooltip, dict) and set(raw_tooltip) <= set(LANGUAGES) and all(
        isinstance(flag, bool) for flag in raw_tooltip.values()
    ):
        tooltip = {language: raw_tooltip.get(language, True) for language in LANGUAGES}
    else:
        errors.append(InputError(
            path, f"{label}: 'tooltip' must be true, false, or for example '{{en: false}}'",
            line=key_lines["tooltip"],
        ))
        tooltip = {}
    avoid: list[str] = []
    raw_avoid = value.get("avoid", [])
    if not isinstance(raw_avoid, list) or not all(_text(form) for form in raw_avoid):
        errors.append(InputError(
            path, f"{label}: 'avoid' must be a list of English words or phrases",
            line=key_lines.get("avoid", item.line), hint="for example 'avoid: [consultant, consultants]'",
        ))
    else:
        avoid = [_text(form) for form in raw_avoid]  # type: ignore[misc]
    patterns: list[re.Pattern[str]] = []
    for raw in value.get("avoid_patterns", []) or []:
        try:
            patterns.append(re.compile(str(raw)))
        except re.error as error:
            errors.append(InputError(
                path, f"{label}: the pattern {raw!r} under 'avoid_patterns' is not a valid regular"
                f" expression ({error})", line=key_lines["avoid_patterns"],
                hint="write it in single quotes, e.g. '\\d\\s?SEK\\b'",
            ))
    if term.get("en") and any(form.casefold() == term["en"].casefold() for form in avoid):
        errors.append(InputError(
            path, f"{label}: 'avoid' lists the preferred term '{term['en']}' itself",
            line=key_lines["avoid"], hint="remove it from 'avoid', or change 'en:'",
        ))
    if len(errors) > before:
        return None
    return Term(term_id, item.line, term, definition, tuple(forms), see, tooltip, tuple(avoid),
                tuple(patterns), key_lines.get("avoid", key_lines.get("avoid_patterns", item.line)))


def read(path: Path = DATA_FILE, docs: Path = DOCS) -> Glossary:
    """Read and validate the data file; InputErrors with every problem found, not only the first."""
    root = load(path, "glossary")
    if not isinstance(root.value, dict):
        raise InputErrors([InputError(path, "the file must have 'terms:'", line=1)])
    errors: list[InputError] = [
        InputError(path, f"unknown field '{key}'", line=line,
                   hint="the file has only 'terms:'; cite sources in docs/ordlista.md's front matter")
        for key, line in root.key_lines().items() if key != "terms"
    ]
    block = root.get("terms")
    if block is None or not isinstance(block.value, list) or not block.value:
        errors.append(InputError(path, "the 'terms:' list is missing or empty", line=1))
        raise InputErrors(errors)
    terms: list[Term] = []
    by_id: dict[str, Term] = {}
    # Every word that gets a tooltip, and which term defines it: a word may have one meaning only.
    words: dict[str, tuple[Term, str]] = {}
    avoided: dict[str, Term] = {}  # each form to avoid, casefolded, and the term that lists it
    for item in block.items():
        term = _read_term(path, item, docs, errors)
        if term is None:
            continue
        if term.id in by_id:
            errors.append(InputError(
                path, f"term '{term.id}' is defined twice (first on line {by_id[term.id].line})",
                line=term.line, hint="merge the two definitions into one term",
            ))
            continue
        clash = None
        for word, language in _words(term):
            owner = words.get(word)
            if owner is not None and owner[0].id != term.id:
                clash = (word, owner[0])
                break
        if clash is not None:
            word, other = clash
            errors.append(InputError(
                path, f"term '{term.id}': the word '{word}' is already defined by term"
                f" '{other.id}' (line {other.line}); a term defined twice", line=term.line,
                hint="keep one definition: remove the word from one of the two terms",
            ))
            continue
        for word, language in _words(term):
            words.setdefault(word, (term, language))
        for form in term.avoid:
            owner = avoided.get(form.casefold())
            if owner is not None:
                errors.append(InputError(
                    path, f"term '{term.id}': the form to avoid '{form}' is already listed by term"
                    f" '{owner.id}' (line {owner.avoid_line})", line=term.avoid_line,
                    hint="list it under one term only: the one whose English rendering replaces it",
                ))
            avoided[form.casefold()] = term
        by_id[term.id] = term
        terms.append(term)
    renderings = {term.term["en"].casefold(): term for term in terms}
    for form, owner in avoided.items():
        preferred = renderings.get(form)
        if preferred is not None:
            errors.append(InputError(
                path, f"term '{owner.id}': the form to avoid '{form}' is the English term of"
                f" '{preferred.id}' (line {preferred.line})", line=owner.avoid_line,
                hint="a word cannot be both the preferred term and a form to avoid",
            ))
    if errors:
        raise InputErrors(errors)
    return Glossary(path, terms)


def _capitalised(word: str) -> str:
    return word[:1].upper() + word[1:]


def _words(term: Term) -> list[tuple[str, str]]:
    """Each word that names the term, with the language of its definition; Swedish first."""
    found: list[tuple[str, str]] = []
    for word in (term.term["sv"], *term.forms):
        for variant in (word, _capitalised(word)):
            found.append((variant, "sv"))
    for variant in (term.term["en"], _capitalised(term.term["en"])):
        found.append((variant, "en"))
    # A word spelt the same in both languages (region, Ax) keeps its Swedish definition.
    seen: set[str] = set()
    unique = []
    for word, language in found:
        if word not in seen:
            seen.add(word)
            unique.append((word, language))
    return unique


def sort_key(text: str) -> str:
    """Swedish alphabetical order: å, ä and ö come after z."""
    folded = text.casefold().replace("é", "e")
    return folded.translate(str.maketrans({"å": "{", "ä": "|", "ö": "}"}))


def term_words(term: Term, language: str) -> list[str]:
    """The words that get term help on a page in `language`: on English pages the English term and
    the Swedish words too (English pages keep the Swedish term beside the English one), all
    explained in English; on Swedish pages the Swedish words."""
    if not term.tooltip[language]:
        return []
    words = [word for word, _ in _words(term)]
    return words if language == "en" else [word for word, lang in _words(term) if lang == "sv"]


def render_term_help(glossary: Glossary, language: str) -> str:
    """The definitions that scripts/term_help.py reads from the page that includes them: each word
    links to its entry on the glossary page of the page's own language, with the explanation."""
    page = "/ordlista.md" if language == "sv" else "/ordlista.en.md"
    lines = [f"*[]: {labels(NAME)('term_help_more', language)}"]
    seen: set[str] = set()
    for term in glossary.terms:
        for word in term_words(term, language):
            if word not in seen:
                seen.add(word)
                lines.append(f"*[{word}]({page}#{term.id}): {term.definition[language]}")
    return "\n".join(lines)


def _page_title(docs: Path, page: str, language: str) -> str:
    file = docs / (page if language == "sv" else page[: -len(".md")] + ".en.md")
    title = read_page(file).meta.get("title")
    if not isinstance(title, str) or not title.strip():
        raise InputError(file, "the page has no title, so the glossary cannot link to it by name", line=2)
    return title


def render_entries(glossary: Glossary, language: str, docs: Path) -> str:
    """One entry per term, in the language's alphabetical order. Links are relative to docs/,
    where the including page docs/ordlista.md lives."""
    label = labels(NAME)
    other = "en" if language == "sv" else "sv"
    lines: list[str] = []
    key = sort_key if language == "sv" else str.casefold
    for term in sorted(glossary.terms, key=lambda t: key(t.term[language])):
        lines += [f"## {_capitalised(term.term[language])} {{#{term.id}}}", "", term.definition[language], ""]
        extra = f"{label('other_language', language)}: *{term.term[other]}*."
        if term.see:
            link = term.see if language == "sv" else term.see[: -len(".md")] + ".en.md"
            extra += f" {label('read_more', language)}: [{_page_title(docs, term.see, language)}]({link})."
        lines += [extra, ""]
    return "\n".join(lines)


def render(glossary: Glossary, docs: Path = DOCS, out_dir: Path = GENERATED_SNIPPETS) -> list[Fragment]:
    belongs = display_path(glossary.path)
    found = []
    for language in LANGUAGES:
        found.append(Fragment.markdown(out_dir / f"terms.{language}.md", render_term_help(glossary, language),
                                       belongs, in_page=False))
        found.append(Fragment.markdown(out_dir / f"ordlista.{language}.md",
                                       render_entries(glossary, language, docs), belongs))
    return found


def fragments(data_path: Path = DATA_FILE, docs: Path = DOCS, out_dir: Path = GENERATED_SNIPPETS) -> list[Fragment]:
    return render(read(data_path, docs), docs, out_dir)


if __name__ == "__main__":
    from scripts.generate import main_for_kind

    sys.exit(main_for_kind(NAME, sys.argv[1:]))
