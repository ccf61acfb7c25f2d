"""Tiny CoNLL files written for the tests (own sentences, NDT and UD formats)."""

from __future__ import annotations

from pathlib import Path

import pytest

NDT = """\
1	Politiet	politi	subst	subst	appell|nøyt|be|ent	2	SUBJ	_	name=O
2	pågrep	pågripe	verb	verb	pret	0	FINV	_	name=O
3	tre	tre	det	det	kvant|fl	4	DET	_	name=O
4	menn	mann	subst	subst	appell|mask|ub|fl	2	DOBJ	_	name=O
5	i	i	prep	prep	_	2	ADV	_	name=O
6	Bergen	Bergen	subst	subst	prop	5	PUTFYLL	_	name=B-GPE_LOC
7	.	$.	clb	clb	<punkt>	2	IP	_	name=O
8	|	$|	clb	clb	<overskrift>	2	IP	_	name=O

1	«	$«	<anf>	<anf>	_	3	IK	_	name=O
2	Vi	vi	pron	pron	fl|pers|hum|nom|1	3	SUBJ	_	name=O
3	har	ha	verb	verb	pres	0	FINV	_	name=O
4	kontroll	kontroll	subst	subst	appell|mask|ub|ent	3	DOBJ	_	name=O
5	»	$»	<anf>	<anf>	_	3	IK	_	name=O
6	,	$,	<komma>	<komma>	_	3	IK	_	name=O
7	sier	si	verb	verb	pres	3	PAR	_	name=O
8	Kari	Kari	subst	subst	prop	7	SUBJ	_	name=B-PER
9	Nordmann	Nordmann	subst	subst	prop	8	FLAT	_	name=I-PER
10	.	$.	clb	clb	<punkt>	3	IP	_	name=O
"""

UD = """\
# sent_id = 1
# text = Hæren rykket inn i Kharkiv.
1	Hæren	hær	NOUN	_	Definite=Def|Gender=Masc|Number=Sing	2	nsubj	_	name=B-ORG
2	rykket	rykke	VERB	_	Mood=Ind|Tense=Past|VerbForm=Fin	0	root	_	name=O
3	inn	inn	ADP	_	_	2	compound:prt	_	name=O
4	i	i	ADP	_	_	5	case	_	name=O
5	Kharkiv	Kharkiv	PROPN	_	_	2	obl	_	SpaceAfter=No|name=B-GPE_LOC
6	.	$.	PUNCT	_	_	2	punct	_	name=O
"""


@pytest.fixture()
def ndt_file(tmp_path: Path) -> Path:
    path = tmp_path / "sample.conll"
    path.write_text(NDT, encoding="utf8")
    return path


@pytest.fixture()
def ud_file(tmp_path: Path) -> Path:
    path = tmp_path / "sample.conllu"
    path.write_text(UD, encoding="utf8")
    return path
