"""The pages about one report, in Swedish and English: about, goals and outcomes, budget, text.

Prose here is written for the site (LIX ≤ 40 in Swedish); the report's own words appear only as
quotes, in tables or blockquotes, exactly as the parser recovered them.
"""

from __future__ import annotations

from pathlib import Path

from scripts.errors import display_path
from scripts.report.budget import format_sek
from scripts.report.markdown import blockquote, bullets, cell, front_matter
from scripts.report.parse import Report, Section


def paragraph_anchor(section: Section, number: int) -> str:
    return f"{section.id}-{number}"


def citation_sv(report: Report) -> str:
    m = report.meta
    return f"{m.organisation_short} ({m.published}): *{m.title}*."


def citation_en(report: Report) -> str:
    m = report.meta
    return f"{m.organisation} ({m.published}): *{m.title}* (in Swedish). Report to {m.funder_en}."


def pages(report: Report, docs: Path) -> dict[Path, str]:
    folder = docs / report.meta.pages_dir
    source = display_path(report.meta.path)
    text_source = f"{source} and {display_path(report.meta.text_path)}"
    return {
        folder / "index.md": _about_sv(report, text_source),
        folder / "index.en.md": _about_en(report, text_source),
        folder / "mal-och-utfall.md": _goals_sv(report, text_source),
        folder / "mal-och-utfall.en.md": _goals_en(report, text_source),
        folder / "budget.md": _budget_sv(report, text_source),
        folder / "budget.en.md": _budget_en(report, text_source),
        folder / "text.md": _text(report, text_source, "sv"),
        folder / "text.en.md": _text(report, text_source, "en"),
    }


def _lessons_link(report: Report) -> str:
    depth = report.meta.pages_dir.count("/") + 1
    return "../" * depth + "lardomar/index.md"


def _about_sv(report: Report, source: str) -> str:
    m = report.meta
    by_author = [s for s in report.sections if s.spec and s.spec.by_author]
    brief = [
        f"Rapporten heter *{m.title}*. {m.organisation_short} skrev den till {m.funder} {m.published}.",
        f"Den handlar om år {m.project_year} av projektet {m.project}, åren {m.period}.",
    ]
    if m.grant_sek:
        brief.append(f"{m.funder} gav {format_sek(m.grant_sek)} till projektet.")
    brief.append("Våra lärdomar bygger på citat ur rapporten.")
    out = [front_matter(
        source, "Om rapporten",
        f"Om {m.organisation_short}s rapport om {m.project} år {m.project_year}: vad den är, "
        f"vem som skrev den och vem som gav pengar.",
        m.reviewed,
    )]
    out.append("\n# Om rapporten\n\n!!! abstract \"I korthet\"\n" + bullets(brief, "    "))
    out.append("\n## Vad är det för rapport? {#vad}\n\n")
    out.append(f"{m.organisation_short} står för {m.organisation.split('–')[-1].strip()}. "
               f"{m.organisation_short} samlar organisationer inom amatörkultur.\n\n")
    if m.about.get("sv"):
        out.append(m.about["sv"] + "\n\n")
    out.append(f"Rapporten är en redovisning till {m.funder}. Den visar vad projektet gjorde "
               f"under år {m.project_year}, alltså {m.period}.")
    if m.grant_sek:
        out.append(f" {m.funder} gav {format_sek(m.grant_sek)} för året.")
    out.append("\n\n## Vem skrev den? {#vem}\n\n")
    out.append(f"{m.organisation_short} skrev rapporten.")
    if by_author and m.author_role:
        out.append(f" Den sista delen, ”{by_author[0].heading}”, skrevs av den som ledde "
                   f"projektet ({m.author_role}).")
    out.append("\n")
    if m.name_changes:
        out.append("\n## Landsting och regioner {#landsting}\n\n")
        out.append("Rapporten skrevs när det fanns landsting. Ett landsting var det som i dag heter "
                   "region. De sista landstingen blev regioner den 1 januari 2019. Här är namnen "
                   "i rapporten och namnen i dag:\n\n")
        out.append("| I rapporten | I dag |\n| --- | --- |\n")
        out.extend(f"| {cell(old)} | {cell(new)} |\n" for old, new in m.name_changes.items())
    out.append("\n## Vad finns på de här sidorna? {#innehall}\n\n")
    out.append(bullets([
        f"[Mål och utfall](mal-och-utfall.md): vad projektet ville göra och vad det blev.",
        "[Ekonomisk redovisning](budget.md): pengar in och pengar ut.",
        "[Rapportens hela text](text.md).",
        f"[Lärdomar från rapporten]({_lessons_link(report)}): vad andra kan lära sig.",
    ]))
    out.append("\n## Hur vet jag att citaten stämmer? {#citaten}\n\n")
    out.append("Texten här är rapportens egen. Vi har bara flyttat radbrytningar och tagit bort "
               "extra mellanrum. Ett program jämför varje citat med rapporten. Om ett enda ord "
               "skiljer sig så märks det direkt.\n")
    out.append("\n## Källor {#kallor}\n\n")
    out.append(bullets([
        citation_sv(report),
        f"{m.funder}: [kulturradet.se](https://www.kulturradet.se/)" if m.funder == "Kulturrådet"
        else m.funder,
        "Om regioner: [Sveriges Kommuner och Regioner](https://skr.se/)",
    ]))
    return "".join(out)


def _about_en(report: Report, source: str) -> str:
    m = report.meta
    by_author = [s for s in report.sections if s.spec and s.spec.by_author]
    brief = [
        f"The report is called *{m.title}* ({m.title_en}). {m.organisation_short} wrote it for "
        f"{m.funder_en} in {m.published}.",
        f"It covers year {m.project_year} of the project {m.project} ({m.project_en}), {m.period}.",
    ]
    if m.grant_sek:
        brief.append(f"{m.funder_en} granted {format_sek(m.grant_sek)} (Swedish kronor) to the project.")
    brief.append("The lessons on this site rest on quotations from the report.")
    out = [front_matter(
        source, "About the report",
        f"About {m.organisation_short}'s report on {m.project_en}, year {m.project_year}: what it "
        f"is, who wrote it and who funded it.",
        m.reviewed,
    )]
    out.append("\n# About the report\n\n!!! abstract \"In brief\"\n" + bullets(brief, "    "))
    out.append("\n## What kind of report is it? {#vad}\n\n")
    out.append(f"{m.organisation_short} stands for {m.organisation.split('–')[-1].strip()}, the "
               f"umbrella body for amateur-culture organisations in Sweden.\n\n")
    if m.about.get("en"):
        out.append(m.about["en"] + "\n\n")
    out.append(f"The report is an account to {m.funder_en} of what the project did in year "
               f"{m.project_year}, that is {m.period}.")
    if m.grant_sek:
        out.append(f" {m.funder} granted {format_sek(m.grant_sek)} for the year.")
    out.append(" The report is written in Swedish.\n")
    out.append("\n## Who wrote it? {#vem}\n\n")
    out.append(f"{m.organisation_short} wrote the report.")
    if by_author and m.author_role_en:
        out.append(f" The last part, “{by_author[0].heading}” ({by_author[0].spec.heading_en if by_author[0].spec else ''}), "
                   f"was written by the project's {m.author_role_en}.")
    out.append("\n")
    if m.name_changes:
        out.append("\n## County councils and regions {#landsting}\n\n")
        out.append("The report was written when Sweden still had county councils (*landsting*). "
                   "The last of them became regions on 1 January 2019. These are the names in "
                   "the report and the names today:\n\n")
        out.append("| In the report | Today |\n| --- | --- |\n")
        out.extend(f"| {cell(old)} | {cell(new)} |\n" for old, new in m.name_changes.items())
    out.append("\n## What is on these pages? {#innehall}\n\n")
    out.append(bullets([
        f"[Goals and outcomes](mal-och-utfall.md): the project's {len(report.goals)} goals and what came of them.",
        "[Financial report](budget.md): income and costs, with the sums checked.",
        "[The full text of the report](text.md), in Swedish, under the report's own headings.",
        f"[Lessons from the report]({_lessons_link(report)}): what others can learn from the project.",
    ]))
    out.append("\n## How do I know the quotations are right? {#citaten}\n\n")
    out.append("The text on these pages is the report's own. Only line breaks and spacing have "
               "been changed. A program compares every quotation with the report; if a single "
               "word differs, the site is not built.\n")
    out.append("\n## Sources {#kallor}\n\n")
    out.append(bullets([
        citation_en(report),
        f"{m.funder}: [kulturradet.se](https://www.kulturradet.se/)" if m.funder == "Kulturrådet"
        else m.funder,
        "Regions and their tasks: [Swedish Association of Local Authorities and Regions (SKR)](https://skr.se/)",
    ]))
    return "".join(out)


def _goals_table(report: Report, goal: str, outcome: str, none: str) -> str:
    rows = [f"| Nr | {goal} | {outcome} |", "| --- | --- | --- |"]
    for number, item in enumerate(report.goals, start=1):
        rows.append(f"| {number} | {cell(item.text)} | {cell(item.outcome) if item.outcome else none} |")
    return "\n".join(rows) + "\n"


def _goals_sv(report: Report, source: str) -> str:
    m = report.meta
    goals = report.goals
    unlabelled = sum(1 for g in goals if not g.labelled)
    with_outcome = sum(1 for g in goals if g.outcome)
    brief = [
        f"Rapporten har {len(goals)} mål. {with_outcome} av dem har ett utfall, alltså vad som hände.",
        "Texten i tabellen är rapportens egen.",
    ]
    if unlabelled:
        brief.append(f"{unlabelled} mål saknar ordet ”Mål:” i rapporten. Det står ändå före ett utfall.")
    out = [front_matter(
        source, "Mål och utfall",
        f"Målen för {m.project} år {m.project_year} och vad som blev av dem, med rapportens egna ord.",
        m.reviewed,
    )]
    out.append("\n# Mål och utfall\n\n!!! abstract \"I korthet\"\n" + bullets(brief, "    "))
    out.append("\n## Vilka mål hade projektet? {#mal}\n\n")
    out.append(f"Tabellen visar målen och utfallen i samma ordning som i rapporten. "
               f"Utfall betyder här vad projektet faktiskt gjorde.\n\n")
    out.append(_goals_table(report, "Mål", "Utfall", "Inget utfall i rapporten"))
    out.append("\n## Källor {#kallor}\n\n")
    out.append(bullets([citation_sv(report), "[Rapportens hela text](text.md)"]))
    return "".join(out)


def _goals_en(report: Report, source: str) -> str:
    m = report.meta
    goals = report.goals
    unlabelled = sum(1 for g in goals if not g.labelled)
    with_outcome = sum(1 for g in goals if g.outcome)
    brief = [
        f"The report sets out {len(goals)} goals; {with_outcome} of them have an outcome "
        f"(*utfall*), that is, what happened.",
        "The table quotes the report in Swedish, as written.",
    ]
    if unlabelled:
        brief.append(f"{unlabelled} goal(s) lack the label “Mål:” (goal) in the report, but stand "
                     f"just before an outcome.")
    out = [front_matter(
        source, "Goals and outcomes",
        f"The goals of {m.project_en}, year {m.project_year}, and what came of them, in the "
        f"report's own words.",
        m.reviewed,
    )]
    out.append("\n# Goals and outcomes\n\n!!! abstract \"In brief\"\n" + bullets(brief, "    "))
    out.append("\n## What were the project's goals? {#mal}\n\n")
    out.append("The table lists the goals (*mål*) and outcomes (*utfall*) in the order of the "
               "report. The text is the report's own and stays in Swedish.\n\n")
    out.append(_goals_table(report, "Goal (*mål*), in Swedish", "Outcome (*utfall*), in Swedish",
                            "No outcome in the report"))
    out.append("\n## Sources {#kallor}\n\n")
    out.append(bullets([citation_en(report), "[The full text of the report](text.md)"]))
    return "".join(out)


def _budget_tables(report: Report, lang: str) -> str:
    m = report.meta
    head = ("Post", "Belopp") if lang == "sv" else ("Item", "Amount")
    out = [f"\n| {head[0]} | {head[1]} |\n| --- | ---: |\n"]
    for group in report.budget:
        name = group.name if lang == "sv" else m.label_en(group.name)
        if name:
            out.append(f"| **{cell(name)}** | |\n")
        for item in group.items:
            label = item.label if lang == "sv" else m.label_en(item.label)
            out.append(f"| {cell(label)} | {format_sek(item.amount)} |\n")
        if group.total is not None:
            total = group.total.label if lang == "sv" else m.label_en(group.total.label)
            out.append(f"| **{cell(total)}** | **{format_sek(group.total.amount)}** |\n")
    return "".join(out)


def _budget_notes(report: Report) -> list[str]:
    section = next((s for s in report.sections if s.spec and s.spec.budget), None)
    if section is None:
        return []
    from scripts.report.reflow import BUDGET_LINE
    return [p.text for p in section.paragraphs
            if not BUDGET_LINE.match(p.text) and len(p.text.split()) > 4]


def _budget_sv(report: Report, source: str) -> str:
    m = report.meta
    checked = [g for g in report.budget if g.total is not None]
    brief = [
        "Här ser du vad projektet fick och vad det kostade.",
        f"Vi har räknat om summorna. Alla {len(checked)} summor stämmer.",
    ]
    if m.grant_sek:
        brief.insert(0, f"{m.funder} gav {format_sek(m.grant_sek)} till projektet.")
    out = [front_matter(
        source, "Ekonomisk redovisning",
        f"Intäkter och kostnader för {m.project} år {m.project_year}, med kontrollerade summor.",
        m.reviewed,
    )]
    out.append("\n# Ekonomisk redovisning\n\n!!! abstract \"I korthet\"\n" + bullets(brief, "    "))
    out.append("\n## Vad kostade projektet? {#budget}\n\n")
    out.append("Alla belopp är i kronor. Ett program lägger ihop posterna. Om en summa inte "
               "stämmer så ser vi det direkt.\n")
    out.append(_budget_tables(report, "sv"))
    notes = _budget_notes(report)
    if notes:
        out.append("\n## Hur förklarar rapporten kostnaderna? {#forklaring}\n\n")
        out.append("\n".join(blockquote(text) for text in notes))
        out.append(f">\n> — {m.organisation_short}: *{m.title}*, {m.published}\n")
    out.append("\n## Källor {#kallor}\n\n")
    out.append(bullets([citation_sv(report), "[Rapportens hela text](text.md#"
                        + next((s.id for s in report.sections if s.spec and s.spec.budget), "")
                        + ")"]))
    return "".join(out)


def _budget_en(report: Report, source: str) -> str:
    m = report.meta
    checked = [g for g in report.budget if g.total is not None]
    brief = [
        "The tables show income and costs as they stand in the report, in Swedish kronor.",
        f"The sums have been recalculated: all {len(checked)} of them are correct.",
    ]
    if m.grant_sek:
        brief.insert(0, f"{m.funder_en} granted {format_sek(m.grant_sek)} to the project.")
    out = [front_matter(
        source, "Financial report",
        f"Income and costs of {m.project_en}, year {m.project_year}, with the sums checked.",
        m.reviewed,
    )]
    out.append("\n# Financial report\n\n!!! abstract \"In brief\"\n" + bullets(brief, "    "))
    out.append("\n## What did the project cost? {#budget}\n\n")
    out.append("Amounts are in Swedish kronor (kr), written the Swedish way with a space between "
               "thousands. A program adds up the lines of each table; if a sum does not match the "
               "report, the site is not built.\n")
    out.append(_budget_tables(report, "en"))
    notes = _budget_notes(report)
    if notes:
        out.append("\n## How does the report explain the costs? {#forklaring}\n\n")
        out.append("The report's explanation, quoted in Swedish:\n\n")
        out.append("\n".join(blockquote(text, 'lang="sv"') for text in notes))
        out.append(f">\n> — {m.organisation_short}: *{m.title}*, {m.published}\n")
    out.append("\n## Sources {#kallor}\n\n")
    out.append(bullets([citation_en(report), "[The full text of the report](text.md#"
                        + next((s.id for s in report.sections if s.spec and s.spec.budget), "")
                        + ")"]))
    return "".join(out)


def _text(report: Report, source: str, lang: str) -> str:
    m = report.meta
    if lang == "sv":
        title = "Rapportens text"
        description = f"Hela texten i {m.organisation_short}s rapport om {m.project} år {m.project_year}, med rapportens rubriker."
        brief = [
            "Här är hela rapporten, ord för ord.",
            "Bara radbrytningar och mellanrum är ändrade, så att texten går att läsa på skärmen.",
            "Rubrikerna är rapportens egna. Varje stycke har en egen länk.",
        ]
        box = "I korthet"
        intro = f"Citat ur *{m.title}* ({m.organisation_short}, {m.published}).\n"
        attrs_lang = ""
    else:
        title = "Full text of the report"
        description = f"The full text of {m.organisation_short}'s report on {m.project_en}, year {m.project_year}, in Swedish as written."
        brief = [
            "This is the whole report, word for word, in Swedish: it has not been translated.",
            "Only line breaks and spacing have been changed, so that the text reads well on screen.",
            "The headings are translated by this site; each paragraph has its own link.",
        ]
        box = "In brief"
        intro = f"Quoted from *{m.title}* ({m.organisation_short}, {m.published}), in Swedish.\n"
        attrs_lang = ' lang="sv"'
    out = [front_matter(source, title, description, m.reviewed)]
    out.append(f"\n# {title}\n\n!!! abstract \"{box}\"\n" + bullets(brief, "    "))
    out.append("\n" + intro)
    for section in report.sections:
        level = section.spec.level if section.spec else 2
        if section.spec is None:
            heading = "Inledning" if lang == "sv" else "Introduction"
        elif lang == "sv":
            heading = section.spec.short_sv
        else:
            heading = f"{section.spec.heading_en}"
        out.append(f"\n{'#' * level} {cell(heading)} {{#{section.id}}}\n\n")
        if lang == "en" and section.spec is not None:
            out.append(f"Swedish heading: <span lang=\"sv\">“{cell(section.heading)}”</span>\n\n")
        elif section.spec is not None and section.spec.short_sv != section.heading:
            out.append(f"> **{cell(section.heading)}**\n\n")
        out.append("\n".join(
            blockquote(p.text, f"#{paragraph_anchor(section, n)}{attrs_lang}")
            for n, p in enumerate(section.paragraphs, start=1)
        ))
    out.append("\n## Källor {#kallor}\n\n" if lang == "sv" else "\n## Sources {#kallor}\n\n")
    out.append(bullets([citation_sv(report) if lang == "sv" else citation_en(report),
                        "[Om rapporten](index.md)" if lang == "sv" else "[About the report](index.md)"]))
    return "".join(out)
