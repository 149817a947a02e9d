"""Vocabulary of the fatalities stage: the word sets that tell a death word, a victim and a clause
boundary apart in tokenized news text (killing verbs, death states, auxiliaries, stop words, person
and non-person heads).

Private to :mod:`eventdesk.extract.tolls.count`; read by :mod:`eventdesk.extract.tolls._phrases`.
"""

from __future__ import annotations

__all__ = [
    "KILL_VERBS",
    "DEATH_STATES",
    "AUX",
    "LEFT_STOPS",
    "RIGHT_STOPS",
    "SUBSET_MARKERS",
    "INJURY",
    "NONPERSON",
    "SINGULAR_PERSON",
    "NOT_A_NAME",
    "NAME_STOPS",
    "PERSON_SUFFIXES",
    "PROTEST_WORDS",
    "WEEKDAYS",
    "SPEECH",
    "TOLL_VERBS",
    "HEAD_STOPS",
]

# Active verbs take their victims as objects ("killing 3 soldiers"); they read passive when
# followed by an auxiliary pattern on the left ("3 soldiers were killed").
KILL_VERBS = frozenset(
    "kill killed killing kills murdered murdering slay slew slain slaying massacre "
    "massacred massacring massacres behead beheaded beheading beheads execute executed executing "
    "executes lynch lynched lynching lynches assassinate assassinated assassinating assassinates "
    "butcher butchered decapitate decapitated decapitating".split()
)
# States and nouns: the count stands to their left ("14 dead", "2 died", "5 fatalities").
DEATH_STATES = frozenset(
    "dead died die dies perished perish deaths death fatalities fatality bodies corpses".split()
)
# Auxiliaries and adverbs a subject window steps over ("3 soldiers were reportedly killed").
AUX = frozenset(
    "was were is are be been being have has had got get reportedly allegedly also all later "
    "reported confirmed believed said subsequently both then found".split()
)
# A left-hand window stops at these: they open a new clause or a new participant.
LEFT_STOPS = frozenset(
    "when after while as but which who that said says reported claimed where because before "
    "during following killing killed injuring injured wounding wounded by in on at".split()
)
# Punctuation that closes a window or a noun phrase on either side.
RIGHT_STOPS = frozenset("( ) ; : . ! ?".split())
# "5 killed, including 2 children": the count after these is part of the one before.
SUBSET_MARKERS = frozenset("including among of_whom".split())
# Injury words: their numbers are not deaths, and they end a subject window.
INJURY = frozenset(
    "injured injuring injure injures wounded wounding wound wounds hurt maimed injuries "
    "injury".split()
)
# Heads that make a number something other than people.
NONPERSON = frozenset(
    "cattle cows goats sheep camels donkeys animals livestock heads head houses homes buildings "
    "vehicles cars shops km kilometres kilometers miles metres meters hours minutes days weeks "
    "months years percent per rounds bullets rockets shells mortars villages towns districts "
    "locations events attacks times acres hectares kg tons tonnes dollars shillings rupees "
    "points drones drone aircraft planes helicopters jets tanks missiles trees".split()
)
# Singular person nouns: "a civilian", "police officer shot dead" name one victim.
SINGULAR_PERSON = frozenset(
    "man woman boy girl child baby person civilian soldier officer policeman policewoman "
    "farmer herder herdsman student pupil teacher journalist driver trader businessman "
    "shopkeeper owner villager resident fighter militant member commander leader chief elder "
    "suspect guard watchman worker worshipper passenger pedestrian motorist rider cyclist "
    "priest pastor imam cleric doctor nurse official politician councillor mp mca activist "
    "protester demonstrator rioter gunman assailant attacker robber thief bandit raider "
    "reservist recruit detective constable sergeant captain colonel general major lieutenant "
    "commando trooper policemen teenager youth husband wife son daughter father mother brother "
    "sister relative victim individual fisherman pastoralist refugee migrant national tourist "
    "employee engineer contractor lawyer judge chairman candidate agent informant "
    "supporter criminal convict boss spokesman spokesperson bystander musician miner "
    "herdboy husband taxi trader operator vendor hawker lecturer chef cook official "
    "policeman inspector commissioner administrator mayor governor senator legislator "
    "minister headman chief sheikh".split()
)
# Endings that make an unknown singular head read as a person ("a guardian", "a servant").
PERSON_SUFFIXES = ("er", "or", "ist", "ian", "man", "ant", "ent")

# "protest the killing of X": words that make a killing the grievance, not this event's toll.
PROTEST_WORDS = frozenset(
    "protest protested protesting protests protesters demonstrated demonstrate demonstration "
    "condemn condemned denounce denounced against over mourn mourned justice".split()
)
# Time words a subject window steps over ("2 soldiers on Monday night were killed").
WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday night morning evening".split()
)

# Speech verbs: a phrase carrying one is the speaker of a report, not a victim.
SPEECH = frozenset("said says told added stated reported announced according".split())
# "the death toll rose to 20": verbs that lead to a toll's figure.
TOLL_VERBS = frozenset("rose rises risen climbed climbs reached increased jumped stands stood".split())

# words that end the noun phrase after a number ("8 residents across the villages": residents)
HEAD_STOPS = frozenset(
    ", and or in on at by from during when after while were was are is had have has across among throughout "
    "within near inside along around between into".split()
)

# capitalised words that make a run of them a group, a place or a title, not a person's name
NOT_A_NAME = frozenset(
    "state forces force army police militia militias group front movement party brigade battalion taliban "
    "shabaab haram council government regime cartel gang university college school hospital district "
    "province county region city town village camp street road market mosque church the a an on in at "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december".split()
)
# words that may follow a named victim: "killed Dony Opar, a politician", "killed John Doe in Nairobi"
NAME_STOPS = frozenset(", for in at on near while who after during as and outside inside".split())
