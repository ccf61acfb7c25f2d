"""Small rule components added to the trained pipelines when they are packaged."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span


@Language.component("konflikt_ndt_root")
def ndt_root(doc: Doc) -> Doc:
    """Give the sentence root its NDT label instead of spaCy's generic "ROOT".

    spaCy's parser always labels the root "ROOT". In NDT the root is FINV when it is a finite verb,
    INTERJ for an interjection and FRAG otherwise (headlines, verbless sentences). On NorNE train
    (nb + nn) this rule on the gold morphology gives the gold root label in every sentence.
    """
    finite = doc.vocab.strings.add("FINV")
    frag = doc.vocab.strings.add("FRAG")
    interj = doc.vocab.strings.add("INTERJ")
    for tok in doc:
        if not tok.has_head():
            # The parser now and then leaves a token without a label but with a head pointer
            # (seen on a sentence-final "."): spaCy then treats it as a root while `Span.root`
            # follows the pointer into a cycle (error E039). Made a real root, it gets a label.
            tok.head = tok
        if tok.head.i == tok.i and tok.dep_ in ("ROOT", ""):
            if "Fin" in tok.morph.get("VerbForm"):
                tok.dep = finite
            else:
                tok.dep = interj if tok.pos_ == "INTJ" else frag
    return doc


# A genitive or possessive ending on a name: "Bertelsens", "Jones'", "Obama's".
_GENITIVE = ("'s", "’s", "s", "'", "’")


def _bare(name: str) -> str:
    """A name without its genitive ending ("Bertelsens" -> "Bertelsen")."""
    for ending in _GENITIVE:
        if name.endswith(ending) and len(name) > len(ending) + 2:
            return name[: -len(ending)]
    return name


@Language.component("konflikt_person_names")
def person_names(doc: Doc) -> Doc:
    """A surname the document gave with a first name is that person wherever it stands alone.

    News names a person in full once ("Ellen Bertelsen") and by surname after that; the NER,
    seeing one sentence at a time, takes a lone surname for an organisation or a place now and
    then, or misses it. Here every lone capitalised surname of a full PER name in the same
    document is PER: relabelled where the NER gave another label, added where it gave none,
    at a sentence start too ("Bertelsen mener ..." opens many a paragraph, and a word the
    document already used as a surname is rarely a common noun there). On NorNE dev this lifts
    NER F1 by 1.1 (nb) and 0.6 (nn) points (BENCHMARKS.md, issue 2).
    """
    ents = list(doc.ents)
    surnames = {
        _bare(ent[-1].text) for ent in ents
        if ent.label_ == "PER" and len(ent) >= 2 and ent[-1].text[:1].isupper()
    }  # fmt: skip
    if not surnames:
        return doc
    person = doc.vocab.strings.add("PER")
    kept: list[Span] = []
    covered: set[int] = set()
    for ent in ents:
        if ent.label_ != "PER" and len(ent) == 1 and _bare(ent.text) in surnames:
            ent = Span(doc, ent.start, ent.end, label=person)
        kept.append(ent)
        covered.update(range(ent.start, ent.end))
    for tok in doc:
        if tok.i in covered or not tok.text[:1].isupper():
            continue
        if _bare(tok.text) in surnames:
            kept.append(Span(doc, tok.i, tok.i + 1, label=person))
    doc.ents = sorted(kept, key=lambda span: span.start)
    return doc


@Language.component("konflikt_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: the word after it starts one, which the parser respects.

    Articles come as lines (a headline, then paragraphs) and a headline has no full stop, so
    the parser, trained on running text, would otherwise join it to the first paragraph's first
    sentence ("To pågrepet i Derry \\n Nordirsk politi har ..."), hanging the paragraph's subject
    on the headline. The line-break token itself stays with the sentence before it.
    """
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        after_break = prev.is_space and "\n" in prev.text or "\n" in prev.whitespace_
        if after_break and not tok.is_space:
            tok.is_sent_start = True
    return doc


@Language.component("konflikt_media_names")
def media_names(doc: Doc) -> Doc:
    """A news outlet named after "i" or "på" is the publication (PROD), as NorNE labels it.

    NorNE labels an outlet ORG when it acts ("NTB melder", "ifølge CNN") and PROD when the
    paper or programme is meant ("i VG", "på NRK"). On NorNE train, outlets (the actor
    registry's `media` entries) after "i"/"på" are PROD 96 times and ORG 21; elsewhere ORG 323
    times and PROD 79, which the NER learns well. It mislabels the first kind: relabelled
    here. On NorNE dev this lifts NER F1 by 0.2 (nb) and 0.1 (nn) points (BENCHMARKS.md).
    """
    from konflikt.resolve.actors import resolve_alias  # the registry loads on first use

    product = doc.vocab.strings.add("PROD")
    kept: list[Span] = []
    changed = False
    for ent in doc.ents:
        before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
        if ent.label_ == "ORG" and before in ("i", "på"):
            ref = resolve_alias(ent.text) or resolve_alias(_bare(ent.text))
            if ref is not None and ref.kind == "media":
                ent = Span(doc, ent.start, ent.end, label=product)
                changed = True
        kept.append(ent)
    if changed:
        doc.ents = kept
    return doc
