"""Small rule components added to the trained pipelines when they are packaged."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


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
