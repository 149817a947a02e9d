"""The role of a noun in its clause, from the dependency parse: who acted ("agent"), who was acted on
("patient"), the other side of a fight ("side"), or who only tells of the event ("source")."""

from __future__ import annotations

from spacy.tokens import Token

from eventdesk.rules import word_list

__all__ = ["claims_own_act", "role_of"]

# the verbs and words of the roles are data (actor_words.json), so a change to them changes the pipeline version
_REPORTING_VERBS: frozenset[str] = word_list("actor_words.json", "reporting_verbs")  # type: ignore[assignment]
_PATIENT_PREPS: frozenset[str] = word_list("actor_words.json", "patient_preps")  # type: ignore[assignment]
_FIGHT_WORDS: frozenset[str] = word_list("actor_words.json", "fight_words")  # type: ignore[assignment]
# "Afghan soldiers suffered casualties", "the convoy sustained damage": the subject underwent it
_UNDERGO: frozenset[str] = word_list("actor_words.json", "undergo_verbs")  # type: ignore[assignment]
# "an army vehicle struck an IED", "a patrol hit a landmine": the one who ran into it is its victim
_RAN_INTO: frozenset[str] = word_list("actor_words.json", "ran_into_verbs")  # type: ignore[assignment]
_EXPLOSIVES: frozenset[str] = word_list("actor_words.json", "explosive_nouns")  # type: ignore[assignment]
# "rebels were reported to have beaten residents": the passive subject of a verb of report or belief
# is the subject of the infinitive after it
_RAISING: frozenset[str] = word_list("actor_words.json", "raising_verbs")  # type: ignore[assignment]
_SELF_NAMING_VERBS: frozenset[str] = word_list("actor_words.json", "self_naming_verbs")  # type: ignore[assignment]
# "before he surrendered to police": the force the attacker gave himself up to acted on the sequel
_GIVEN_UP_TO: frozenset[str] = word_list("actor_words.json", "given_up_to_verbs")  # type: ignore[assignment]


def role_of(token: Token) -> tuple[str, int | None]:
    """Role of a noun in its clause, climbing through compounds, possessives, 'of' and 'and'.

    Returns ("agent" | "patient" | "side" | "source" | "enforcer" | "", index of the governing verb or
    None); "side" is the opponent in a fight ("clashed with police"), "source" the subject of a
    reporting verb ("police said"), who tells of the event rather than acts in it, "enforcer" the
    force an attacker gave himself up to ("surrendered to police"), who acted on the sequel.
    """
    t = token
    if (t.dep_ == "poss" or (t.dep_ == "compound" and t.pos_ == "PROPN")) and \
            t.head.lower_ in word_list("actor_words.json", "event_nouns"):
        return "agent", t.head.i  # "after a Shining Path attack", "the army's offensive"
    if t.dep_ == "poss" and t.head.lower_ in word_list("actor_words.json", "undergone_nouns") and \
            not any(c.dep_ == "prep" and c.lower_ == "of" for c in t.head.children):
        return "patient", t.head.i  # "a carabinero's assassination": the one who underwent it
    for _ in range(12):
        dep = t.dep_
        head = t.head
        # "Boko Haram/IS claimed ...": the parser reads the group's "IS" as the auxiliary "is"
        passive = any(c.dep_ == "auxpass" and c.text != "IS" for c in head.children)
        if dep in ("nsubjpass", "dobj", "obj") and _blamed(head):
            return "agent", head.i  # "the FMLN was blamed for the bombing": who did it, not its target
        if dep == "nsubj" or (dep == "nsubjpass" and not passive):
            lemma = head.lemma_.lower()
            if (lemma in _REPORTING_VERBS and not claims_own_act(head)) or _learned_of(head):
                return "source", head.i
            if lemma in _UNDERGO or (lemma in _RAN_INTO and _names_an_explosive(head)) or _among_victims(head) \
                    or _comes_under(head):
                return "patient", head.i
            return ("patient", head.i) if passive else ("agent", _harm_joined(head).i)
        if dep == "nsubjpass" and (raised := _raised(head)) is not None:
            # "SPLM-IO rebels were reported to have beaten residents": they beat them ("... to have
            # been killed", "were reported killed": they were killed, the passive's patients)
            return "agent", raised.i
        if dep in ("nsubjpass",):
            return "patient", head.i
        if dep == "oprd" and _names_itself(head):
            # 'a group calling itself the Dare-to-Die Squad attacked': the name is the group's, in its role
            named = head.head if head.dep_ in ("acl", "relcl") else \
                next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if named is None:
                break
            t = named
            continue
        if dep in ("dobj", "obj") and _holds_for(head):
            t = head.head  # "struck a convoy carrying supplies for the coalition": the convoy's role
            continue
        if dep in ("dobj", "obj", "dative", "oprd"):
            return "patient", head.i
        if dep == "pobj":
            prep = head
            word = prep.lower_
            if word == "by" and _backs(prep.head):
                return "ally", prep.head.head.i  # "troops backed by Russian mercenaries": on the troops' side
            if word == "by" and _holds_for(prep.head):
                t = prep.head.head  # "a rocket struck a base used by U.S. forces": the base's role, the target's
                continue
            if word == "from" and prep.head.pos_ in ("NOUN", "PROPN") and \
                    prep.head.lemma_.lower() in word_list("actor_words.json", "men_from_nouns"):
                t = prep.head  # "rebels from the Allied Democratic Forces killed": the group's men, in their role
                continue
            if word == "for" and prep.head.dep_ in ("dobj", "obj") and _holds_for(prep.head.head):
                t = prep.head  # "carrying supplies for the coalition": the coalition's, as the convoy is
                continue
            if word == "by" and (prep.dep_ == "agent" or _is_passive(prep.head) or prep.head.pos_ == "NOUN"):
                return "agent", _shared_agent_verb(prep.head).i  # "killed by X", "attacks by Taliban"
            if word == "to" and prep.head.pos_ == "VERB" and prep.head.lemma_.lower() in _GIVEN_UP_TO:
                return "enforcer", prep.head.i  # "surrendered to police": received him after the act
            if word == "with" and prep.head.lemma_.lower() in _FIGHT_WORDS:
                return "side", prep.head.i  # "clashes with Taliban militants": the other side, not a victim
            if word in _PATIENT_PREPS:
                return "patient", prep.head.i
            if word == "of":
                t = prep.head
                continue
            return "", None
        if dep == "agent":
            return "agent", head.i
        if dep in ("compound", "amod", "poss", "conj", "appos", "nmod", "nummod", "det", "prep", "case", "npadvmod", "quantmod"):
            if head.i == t.i:
                break
            t = head
            continue
        break
    return "", None


def _backs(verb: Token) -> bool:
    """A participle of backing on a side ("troops backed by Russian mercenaries", "militias supported by
    the army"; ``actor_words.json`` backing_verbs): who backs is an ally of the side, not an actor in its place."""
    return verb.dep_ == "acl" and verb.lemma_.lower() in word_list("actor_words.json", "backing_verbs") and \
        verb.head.pos_ in ("NOUN", "PROPN")


def _comes_under(verb: Token) -> bool:
    """"its units had come under attack", "the convoy came under fire": the subject underwent it."""
    return verb.lemma_.lower() == "come" and any(c.dep_ == "prep" and c.lower_ == "under" for c in verb.children)


def _holds_for(verb: Token) -> bool:
    """A participle that says whose a noun is ("a base used by U.S. forces", "a convoy carrying
    supplies for the coalition", "a vehicle belonging to the army"; ``actor_words.json``
    ownership_verbs): its owner or user is on the side of the noun, not an actor of its own. A particle
    makes it another verb: "airstrikes carried out by the Iraqi Air Force" are the force's."""
    return verb.dep_ == "acl" and verb.pos_ == "VERB" and verb.lemma_.lower() in \
        word_list("actor_words.json", "ownership_verbs") and not any(c.dep_ == "prt" for c in verb.children)


def told_according_to(token: Token) -> bool:
    """Whether ``token`` is the one a phrase says the report is according to ("according to the police,
    unidentified persons planted a bomb"; ``actor_words.json`` source_phrase_heads): who tells of the act."""
    prep = token.head
    return token.dep_ == "pobj" and prep.lower_ == "to" and \
        prep.head.lower_ in word_list("actor_words.json", "source_phrase_heads")


def _among_victims(verb: Token) -> bool:
    """"three soldiers were among the dead", "two policemen were among those killed", "the driver was
    dead": a copula whose predicate names the victims (``actor_words.json`` victim_predicates)."""
    if verb.lemma_.lower() != "be":
        return False
    words = word_list("actor_words.json", "victim_predicates")
    for c in verb.children:
        if c.dep_ in ("acomp", "attr") and c.lower_ in words:
            return True
        if c.dep_ == "prep" and c.lower_ in ("among", "amongst"):
            for o in c.children:
                if o.dep_ == "pobj" and (o.lower_ in words or any(
                        a.dep_ in ("acl", "amod") and a.lower_ in words for a in o.children)):
                    return True
    return False


def _learned_of(verb: Token) -> bool:
    """Whether the verb receives news ("the police had received reports of two other explosions"):
    its subject learned of the act (``actor_words.json`` receiving_verbs, news_nouns)."""
    return verb.lemma_.lower() in word_list("actor_words.json", "receiving_verbs") and any(
        c.dep_ in ("dobj", "obj") and c.lemma_.lower() in word_list("actor_words.json", "news_nouns")
        for c in verb.children)


def _names_itself(verb: Token) -> bool:
    """"calling itself", "calls themselves": the verb's object names its own subject."""
    return verb.lemma_.lower() in _SELF_NAMING_VERBS and \
        any(c.dep_ in ("dobj", "obj") and c.lower_ in ("itself", "themselves") for c in verb.children)


def _blamed(verb: Token) -> bool:
    """A verb of blaming (``attribution.json`` blamed_verbs): "blamed", "accused", "held ... responsible"."""
    lemma = verb.lemma_.lower()
    return lemma in word_list("attribution.json", "blamed_verbs") and \
        (lemma != "hold" or any(c.lower_ == "responsible" for c in verb.children))


def _names_an_explosive(verb: Token) -> bool:
    """"struck an IED", "stepped on a landmine", "ran over a roadside bomb"."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    objects += [g for c in verb.children if c.dep_ in ("prep", "prt") for g in c.children if g.dep_ == "pobj"]
    return any(o.lower_ in _EXPLOSIVES for o in objects)


def claims_own_act(verb: Token) -> bool:
    """"forces claimed to have shelled ...", "the army said it had killed 12 militants": a report of
    the speaker's own act (an infinitive complement, or a clause whose subject is "it" or "we", the
    speaker itself), so the speaker is the agent, not only the source."""
    return any(c.dep_ == "xcomp" or (c.dep_ == "ccomp" and c.lemma_.lower() not in ("be", "seem", "appear", "remain")
                                     and any(s.dep_ == "nsubj" and s.lower_ in ("it", "we") for s in c.children))
               for c in verb.children)


def _raised(verb: Token) -> Token | None:
    """The infinitive whose subject a verb of report or belief raised to its own passive subject
    ("were reported to have beaten", "is believed to have killed"), or None."""
    if verb.lemma_.lower() not in _RAISING:
        return None
    for c in verb.children:
        if c.dep_ != "xcomp" or c.pos_ not in ("VERB", "AUX") or _has_auxpass(c):
            continue
        aux = {a.lower_ for a in c.children if a.dep_ == "aux"}
        # an active infinitive: "to beat", "to have beaten"; not a bare participle ("reported killed")
        if "to" in aux and (c.tag_ != "VBN" or "have" in aux):
            return c
    return None


def _has_auxpass(verb: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children)


def _shared_agent_verb(verb: Token) -> Token:
    """The verb a "by" agent acted in. Passive verbs joined by "and" share their subject and their
    agent: "4 journalists were severely beaten and then arrested by the police" names the police
    as the agent of the beating too, so a verb of law enforcement ("arrested") hands the agent to
    the act it is joined to (a sequel to it, not the act). Any other verb keeps its agent."""
    if verb.lemma_.lower() not in word_list("attribution.json", "enforcement_verbs") or verb.dep_ != "conj":
        return verb
    first = verb.head
    if first.pos_ != "VERB" or not _has_auxpass(first) or \
            any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return verb  # not one passive subject shared ("X was killed and Y was arrested by police")
    return first


def _harm_joined(verb: Token) -> Token:
    """The act of harm an enforcement verb is joined to: "Ethiopian security forces arrested and beat
    an ONLF leader" (the forces beat him; the arrest alone would make them no perpetrator). Any
    other verb, or an enforcement verb joined to no harm, is itself."""
    if verb.lemma_.lower() not in word_list("attribution.json", "enforcement_verbs"):
        return verb
    harm = word_list("actor_words.json", "harm_verbs")
    return next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.lemma_.lower() in harm
                 and not any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)), verb)


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children) or verb.tag_ == "VBN"
