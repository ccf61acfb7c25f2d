"""Small rule components added to the trained pipelines when they are packaged."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("konflikt_ndt_root")
def ndt_root(doc: Doc) -> Doc:
    """Give the sentence root its NDT label instead of spaCy's generic "ROOT".

    spaCy's parser always labels the root "ROOT". In NDT the root is FINV when it is a finite verb
    and FRAG otherwise (headlines, verbless sentences); the morphologizer tells which.
    """
    finite = doc.vocab.strings.add("FINV")
    frag = doc.vocab.strings.add("FRAG")
    for tok in doc:
        if tok.dep_ == "ROOT" and tok.head.i == tok.i:
            tok.dep = finite if "Fin" in tok.morph.get("VerbForm") else frag
    return doc
