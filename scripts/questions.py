"""The worked examples on "Vem ska vi fråga?": data/questions.yml -> snippets/generated/fragor.{sv,en}.md.

Each example starts from a question an association brings and splits the need into its
municipal, regional and state parts. Each part cites entries of the responsibility lookup
(data/responsibilities.yml) by id and links to them (/ansvar/#kulturskola), so an id that the
lookup does not have stops the build with this file's name and line. Then come how to raise the
regional part at the dialogue meeting, and what to do. docs/vem-ska-vi-fraga.md and its twin
include the fragments with `--8<-- "generated/fragor.sv.md"`; the labels come from data/labels.yml.

    python -m scripts.questions [--check]
"""

from __future__ import annotations

import difflib
import sys
from dataclasses import dataclass
from pathlib import Path

from scripts import responsibilities
from scripts import sources as sources_registry
from scripts.datafile import bilingual, entry_start, first_use, labels
from scripts.errors import InputError, InputErrors, display_path
from scripts.fragments import Fragment
from scripts.paths import DATA, GENERATED_SNIPPETS, LANGUAGES
from scripts.yaml_lines import Located, load

NAME = "questions"
DATA_FILE = DATA / "questions.yml"
# The page that holds the lookup, as the pages link to it.
LOOKUP_PAGE = "ansvar.md"

LEVELS = responsibilities.SINGLE_LEVELS
# The dialogue meeting is about the region's plan: every example says what the region's part is.
REQUIRED_LEVEL = "region"
QUESTION_KEYS = {"id", "question", "intro", "parts", "dialogue", "todo"}
PART_KEYS = {"text", "lookup"}


@dataclass(frozen=True)
class Part:
    level: str
    text: dict[str, str]
    lookup: tuple[str, ...]


@dataclass(frozen=True)
class Question:
    id: str
    line: int
    question: dict[str, str]
    intro: dict[str, str] | None
    parts: tuple[Part, ...]  # in the order of LEVELS
    dialogue: dict[str, str]
    todo: dict[str, str]


@dataclass(frozen=True)
class Questions:
    path: Path
    questions: list[Question]
    lookup: responsibilities.Lookup


def _lookup_ids(path: Path, part: Located, label: str, known: dict[str, responsibilities.Entry],
                lookup_path: Path, errors: list[InputError]) -> tuple[str, ...]:
    located = part.get("lookup")
    if located is None or not isinstance(located.value, list) or not located.value:
        errors.append(InputError(
            path, f"{label}: 'lookup' is missing or empty", line=part.key_line("lookup"),
            hint=f"cite one or more entries of {display_path(lookup_path)} by id, "
            "for example 'lookup: [kulturskola]'",
        ))
        return ()
    cited = []
    for item in located.items():
        if item.value in known:
            cited.append(item.value)
            continue
        near = difflib.get_close_matches(str(item.value), list(known), n=3)
        errors.append(InputError(
            path, f"{label}: unknown lookup id {item.value!r}", line=item.line,
            hint=(f"did you mean {' or '.join(near)}? " if near else "")
            + f"the ids are the entries' 'id:' in {display_path(lookup_path)}; add the entry "
            "there first if the lookup lacks it",
        ))
    return tuple(cited)


def _read_question(path: Path, item: Located, known: dict[str, responsibilities.Entry],
                   lookup_path: Path, errors: list[InputError]) -> Question | None:
    before = len(errors)
    start = entry_start(path, item, "worked example", QUESTION_KEYS, errors=errors,
                        id_hint="for example 'id: foreningens-hus'; the id becomes the link anchor")
    if start is None:
        return None
    question_id, _, key_lines = start
    label = f"worked example '{question_id}'"
    question = bilingual(path, item, "question", label, errors)
    intro = bilingual(path, item, "intro", label, errors, required=False)
    dialogue = bilingual(path, item, "dialogue", label, errors)
    todo = bilingual(path, item, "todo", label, errors)

    parts: list[Part] = []
    block = item.get("parts")
    if block is None or not isinstance(block.value, dict) or not block.value:
        errors.append(InputError(
            path, f"{label}: 'parts' is missing or empty", line=key_lines.get("parts", item.line),
            hint=f"add 'parts:' with a block for each level that has a part: {', '.join(LEVELS)}",
        ))
    else:
        part_lines = block.key_lines()
        for level in block.value:
            if level not in LEVELS:
                errors.append(InputError(
                    path, f"{label}: unknown level {level!r} under 'parts'", line=part_lines[level],
                    hint=f"use {', '.join(LEVELS)}",
                ))
        if REQUIRED_LEVEL not in block.value:
            errors.append(InputError(
                path, f"{label}: there is no '{REQUIRED_LEVEL}' part", line=key_lines["parts"],
                hint="the dialogue meeting is about the region's plan: say what the region's part "
                "of the need is, even when it is small",
            ))
        for level in LEVELS:
            part = block.get(level)
            if part is None:
                continue
            part_label = f"{label}, part '{level}'"
            if not isinstance(part.value, dict):
                errors.append(InputError(path, f"{part_label}: must have 'text:' and 'lookup:'",
                                         line=part.line))
                continue
            for key in sorted(set(part.value) - PART_KEYS):
                errors.append(InputError(path, f"{part_label}: unknown field '{key}'",
                                         line=part.key_line(key), hint="a part has 'text' and 'lookup'"))
            text = bilingual(path, part, "text", part_label, errors)
            cited = _lookup_ids(path, part, part_label, known, lookup_path, errors)
            if text and cited:
                parts.append(Part(level, text, cited))
    if len(errors) > before or not (question and dialogue and todo):
        return None
    return Question(question_id, item.line, question, intro, tuple(parts), dialogue, todo)


def read(path: Path = DATA_FILE, lookup_path: Path = responsibilities.DATA_FILE,
         registry: Path = sources_registry.DATA_FILE) -> Questions:
    """Read and validate the worked examples against the lookup; every problem at once."""
    try:
        lookup = responsibilities.read(lookup_path, registry)
    except (InputErrors, InputError):
        # Its own problems are reported by the lookup's kind; say only why these wait.
        raise InputErrors([InputError(
            path, f"the worked examples cannot be checked: {display_path(lookup_path)} has errors",
            line=1, hint=f"fix the errors listed for {display_path(lookup_path)} first",
        )]) from None
    known = responsibilities.ids(lookup)
    root = load(path, "questions")
    if not isinstance(root.value, dict):
        raise InputErrors([InputError(path, "the file must have 'questions:'", line=1)])
    errors = [InputError(path, f"unknown field '{key}'", line=line, hint="the file has only 'questions:'")
              for key, line in root.key_lines().items() if key != "questions"]
    block = root.get("questions")
    if block is None or not isinstance(block.value, list) or not block.value:
        errors.append(InputError(path, "the 'questions:' list is missing or empty", line=1))
        raise InputErrors(errors)
    questions: list[Question] = []
    first_line: dict[str, int] = {}
    for item in block.items():
        question = _read_question(path, item, known, lookup_path, errors)
        if question is None:
            continue
        if first_use(path, first_line, "worked example", question.id, question.line,
                     "give each worked example its own id; the id is the link anchor", errors):
            questions.append(question)
    if errors:
        raise InputErrors(errors)
    return Questions(path, questions, lookup)


def render_questions(data: Questions, language: str) -> str:
    label = labels(NAME)
    entries = responsibilities.ids(data.lookup)
    lines: list[str] = []
    for question in data.questions:
        lines += [f"### {question.question[language]} {{#{question.id}}}", ""]
        if question.intro:
            lines += [question.intro[language], ""]
        for part in question.parts:
            links = ", ".join(f"[{entries[key].name[language]}]({LOOKUP_PAGE}#{key})" for key in part.lookup)
            lines.append(f"- **{label(f'level_{part.level}', language)}:** {part.text[language]} "
                         f"{label('look_up', language)}: {links}.")
        lines += [
            "",
            f"**{label('dialogue', language)}:** {question.dialogue[language]}",
            "",
            f"**{label('todo', language)}:** {question.todo[language]}",
            "",
        ]
    return "\n".join(lines)


def render(data: Questions, out_dir: Path = GENERATED_SNIPPETS) -> list[Fragment]:
    return [
        Fragment.markdown(out_dir / f"fragor.{language}.md", render_questions(data, language),
                          display_path(data.path))
        for language in LANGUAGES
    ]


def fragments(data_path: Path = DATA_FILE, out_dir: Path = GENERATED_SNIPPETS,
              lookup_path: Path = responsibilities.DATA_FILE,
              registry: Path = sources_registry.DATA_FILE) -> list[Fragment]:
    return render(read(data_path, lookup_path, registry), out_dir)


if __name__ == "__main__":
    from scripts.generate import main_for_kind

    sys.exit(main_for_kind(NAME, sys.argv[1:]))
