"""Cue table for :mod:`eventdesk.extract.trigger.classify`: regular expressions over an event's text.

Every cue is general English wording taken from ACLED's codebook definitions (section 1 of
``shared/CODEBOOK.md``) and from the way news reports tell each kind of event; none is copied from
a coded row. Patterns are compiled case-insensitively by the classifier.
"""

from __future__ import annotations

__all__ = ["CUES", "NOUNS", "MASKS"]

# Participant noun groups, reused inside the role patterns of the classifier.
NOUNS: dict[str, str] = {
    # state and other organised armed sides (whoever can fight back)
    "armed": r"(soldiers?|troops?|army|military|(?:para)?militar(?:y|ies)|police(?:m[ae]n|woman)?|"
    r"(?:police |security |army |military )?officers?|cops?|gendarmes?|security (?:forces?|personnel|agents?)|"
    r"forces|commandos?|marines?|guards?men|border guards?|rangers?|reservists?|sentr(?:y|ies)|"
    r"(?:check ?|army |military |police )?posts?|check ?points?|outposts?|bases?|barracks|convoys?|patrols?|"
    r"positions?|tanks?|garrisons?|police stations?|militants?|insurgents?|rebels?|fighters?|"
    r"militia(?:s|m[ae]n)?|gunmen|jihadists?|terrorists?|bandits?|raiders|rustlers|robbers|gangsters|"
    r"gang members|armed (?:men|group|gang)s?|taliban|shabaa?b|islamic state|isis|isil|is-k|iskp|daesh|"
    r"houthis?|boko haram|iswap|jnim|isgs|arbakis?|kdf|gsu|anp|ana|ansf|sldf|mungiki|combatants|"
    r"ex-combatants|warriors|mercenar(?:y|ies)|snipers?|elements|(?:pro-)?\w+ forces|attackers?|assailants|"
    r"pirates|kidnappers|(?:gang |group |sect |militia )?members|poachers|smugglers|personnel|"
    r"(?:terror|militant|al[- ]shabaa?b|mungiki) suspects?|(?:armed )?(?:robbery )?suspects?)",
    # unarmed people
    "civil": r"(civilians?|villagers?|residents?|people|persons?|m[ae]n|wom[ae]n|child(?:ren)?|boys?|girls?|"
    r"farmers?|herders?|pastoralists?|traders?|journalists?|teachers?|students?|pupils?|workers?|"
    r"employees?|passengers?|famil(?:y|ies)|elders?|chiefs?|drivers?|wife|husband|widow|individuals?|"
    r"business\w*|priests?|imams?|cleric|doctors?|nurses?|motorists?|locals|worshippers?|voters?|"
    r"official|officials|politicians?|candidates?|mca|councill?ors?|leaders?|refugees?|migrants?|"
    r"prisoners?|detainees?|inmates?|fishermen|miners?|shepherds?|youths?|teenagers?|minors?|"
    r"victims?|body|bodies|nationals|tourists?|pedestrians?|(?:boda ?boda |motorcycle )?riders?|"
    r"operators?|owners?|community members|relatives?|sons?|daughters?|brothers?|mothers?|father)",
    # crowds that riot or take the law into their own hands
    "crowd": r"(mobs?|crowds?|rioters|rioting \w+|vigilantes?|(?:angry|irate|furious|enraged) \w+|"
    r"residents|villagers|locals|youths|members of the public|the public|community members|"
    r"supporters|students|traders|hawkers|(?:boda ?boda |motorcycle )?riders|operators|fans|"
    r"group of (?:\w+ ){0,2}(?:people|youths|residents|villagers|men|women|students|drivers)|"
    r"two groups|rival groups|inmates|prisoners|refugees|vendors|gangs? of youths|"
    # "members of the X party" riot; "members of the CJNG" or "of the Santa Rosa de Lima Cartel" are an armed group
    r"(?:party )?members of(?! (?:the )?(?-i:[A-Z]{2,}\b))(?! (?:the |a |an )?(?:[\w-]+ ){0,5}?(?:cartels?|gangs?|militias?|"
    r"armed groups?|forces|army|rebels?|brigades?|battalions?|insurgents?)\b)|"
    r"party members|squatters|workers|miners|dwellers|passengers|shopkeepers|shop owners|beneficiaries|migrants|"
    r"citizens|fishermen|drivers|demonstrators|protesters|townspeople|local people|"
    # unarmed people under occupation: "clashes erupted between Palestinians and Israeli forces" (a
    # general demonym rule also caught communities that fight as militias: "Borana and Somalis clashed")
    r"Palestinians)",
}

CUES: dict[str, str] = {
    # --- explosions / remote violence
    "chemical": r"\b(chlorine|sarin|mustard gas|nerve agents?|chemical (weapon|attack|agent)s?)\b",
    "air": r"\b(air ?strikes?|air[- ]?raids?|drone (strikes?|attacks?)|(armed|combat) drones?|warplanes?|"
    r"fighter[- ]?jets?|jets? (struck|bombed|pounded|hit|targeted|attacked)|(helicopter )?gunships?|"
    r"helicopters? (fired|struck|bombed|attacked|targeted|shelled|opened fire)|aerial (bombardment|attack|strike|bombing)s?|"
    r"(bombed|dropped) from (the air|a helicopter|a plane|an aircraft)|(dropped|dropping) (\w+ ){0,2}bombs?|"
    r"(air force|aircraft|planes?) (struck|bombed|carried out|targeted|hit)|"
    r"(carried out|conducted|launched) (an? )?(air|aerial|drone)|(uav|drone)s? (struck|attacked|targeted|hit))",
    "suicide": r"\b(suicide (bomb\w*|attack\w*|vest|car|truck|blast|explosion)|svbieds?|"
    r"blew (himself|herself|themselves) up)",
    "shelling": r"\b(shell(ed|ing|s)|artillery|pounded'? (a |an |the )?(\w+ ){0,2}(base|positions?|post)|mortars?|rockets?|missiles?|rpgs?|rocket[- ]propelled|howitzers?|"
    r"katyushas?|projectiles?|bombard(ed|ment|ing)|"
    # heavy weapons fired from a distance: "fired 14.5mm and 12.7mm machine guns at residential areas"
    r"heavy (and medium |and light )?(weapons|machine ?guns?)|machine ?guns?,? (assumedly |presumably )?heavy|"
    r"anti-?aircraft (guns?|weapons)|fired (\w+ ){0,2}machine ?guns? at (\w+ ){0,2}(areas?|neighbou?rhoods?|villages|"
    r"farms|homes|houses)|"
    r"\d+(\.\d+)?\s?mm\b(,? (and )?\d+(\.\d+)?\s?mm\b)*,? (\w+ ){0,2}(machine ?guns?|guns?|cannons?))\b",
    "ied": r"\b(ieds?|vbieds?|improvised explosive|roadside (bomb|device|explosive)s?|land ?mines?|mines? "
    r"(exploded|blast|explosion)|explosive (device|charge)s?|car bombs?|bomb(s)? (exploded|went off|blast|attack)|"
    r"bomb blast|(exploded|detonated|planted) (a |an )?(bomb|device)|unexploded|uxo|booby[- ]trap\w*|"
    r"magnetic bombs?|sticky bombs?|(hit|struck|ran over|stepped on) (\w+ )?(ied|mine|landmine|explosive)|"
    r"explosions?|blasts?|explosives?|bomb(ing|ed)?)\b",
    "grenade": r"\b(hand[- ]?)?grenades?\b",
    # --- battles
    "clash": r"\b(clash(ed|es|ing)?|exchang(ed|e|ing) (of )?(gun)?fire|exchange of fire|traded fire|"
    r"(exchanged|traded) (artillery|shell\w*|mortar\w*|gunshots|bullets)|gun ?fights?|gun ?battles?|"
    r"shoot-?outs?|fire ?fights?|fighting|fought|battl(e|ed|es|ing)|skirmish(es)?|firefight|"
    r"engaged (in )?(combat|fighting|a fight)|repuls(ed|e)|repell?(ed)?|counter-?attack(ed)?|routed|"
    r"incursions?,? (\w+ ){0,3}against|overtook (a |an |the )?(\w+ ){0,2}(unit|post|checkpoint|outpost|base)|"
    r"returned fire|crossfire|cross-fire|armed confrontation|firing between|fired (\w+ ){0,3}on (the )?positions|"
    r"respond(ed|ing) to ([\w-]+ ){0,2}(fire|attacks?|shelling)|(thwarted|foiled|repelled) (an |the |a )?"
    r"([\w-]+ )?(attack|offensive|assault|advance|infiltration|incursion)|"
    r"offensive|confronted|confrontation|"
    # "inter-clan violence erupted": a fight between clans ("ethnic violence" is most often
    # one-sided attacks, as ACLED codes them)
    r"(inter-?clan|clan-based|inter-?tribal) (violence|hostilities)|"
    # headline present tense: "Insurgents fight Iraqi forces in city of Mosul"
    r"fights? (\w+ ){0,2}(forces|troops|militants|army|police|rebels|insurgents|soldiers|fighters|jihadists))\b",
    "regain": r"\b(regain(ed)?|recaptur(ed|e)|retook|retake|re-?took|re-?took control|liberat(ed|e)|"
    r"recover(ed)? (control|the)|back under (government|army) control|cleared (\w+ ){0,3}of (militants|insurgents))\b",
    "overtake": r"\b((seized|captured|took( over)?|taken|overran|overrun|gained) (control of )?"
    r"(the )?(town|city|village|district|area|base|territory|capital|headquarters|control|positions?)|"
    r"took control|fell to|under (militant|rebel|taliban|insurgent) control)\b",
    # --- protests / riots
    "protest": r"\b(protest(s|ed|ing|ers?)?|demonstrat(ion|ions|ed|ors?|ing|e|es)|rall(y|ies|ied|ying)|"
    r"(?-i:march(ed|es|ing)?)|sit-ins?|picket(ed|ing|s)?|took to the streets?|"
    r"(went|go|are|were) on (a )?strike|(?<!air )(?<!drone )(?<!missile )(?<!military )strik(e|es|ing) (over|for|against|to demand|demanding)|(workers|teachers|doctors|nurses|lecturers|employees|staff|drivers|traders|unions?|medics|miners|civil servants|health workers)'?s? (\w+ ){0,3}(on )?(a |an )?(\w+ )?strik(e|es|ing)\b|strike (by|of) (\w+ ){0,2}(workers|teachers|doctors|nurses|lecturers|employees|staff|drivers|unions?)|(general|labou?r|industrial|hunger|sit-down|national) strike|"
    r"(candlelight )?vigils?|petition(ed)?|boycott(ed)?|gathered (to|outside|in front|at|in)|"
    r"assembl(ed|y) (outside|in front|at)|chant(ed|ing)|placards?|banners?|(?-i:stormed)|"
    r"to (demand|denounce|condemn|oppose|express|show|urge)|demanding|in solidarity|motorcade|caravan|"
    r"cacerola\w*|pot-banging|bang(ed|ing)? (\w+ )?pots( and pans)?|honk\w*|"
    # people blocking a way to press a demand: "neighbors blocked the entrance to the cemetery"
    r"(residents|neighbou?rs|workers|villagers|farmers|traders|drivers|families) (\w+ ){0,4}"
    r"block(ed|ing)? (off )?(the |a |an )?(\w+ ){0,3}(road|roads|highway|street|streets|entrance|route|access|bridge))\b",
    "riot": r"\b(riot(s|ed|ing|ers)?|riotous|violent(ly)? (protest|demonstrat)\w*|violent \w+ (protest|demonstrat)\w*|(protest|demonstrat)\w* violently|"
    r"turn(s|ed)? (violent|chaotic|riotous|ugly)|"
    r"(protest|demonstration)s? (became|turned) (violent|chaotic))\b",
    "riot_acts": r"\b(pelt(ed|ing)|(threw|throwing|hurled|hurling|throw) (\w+ ){0,2}(stones|rocks|objects|bottles|"
    r"petrol bombs|molotov\w*|missiles|sticks|firecrackers|fireworks|bricks|chairs)|stone[- ]?throwing|ston(ed|ing)|stones|"
    r"(stones?|rocks?) thrown|"
    r"(burn(ed|t|ing|s)?|lit|light(ed|ing)?|set) (\w+ ){0,2}(tyres|tires|tyers|objects|items|debris|garbage|rubbish|"
    r"trash|mattresses)|set (\w+ ){1,2}(on fire|ablaze|alight)|beaten (up )?by (the )?(demonstrators|protesters|rioters)|"
    r"physical confrontation|forc(e|ed|ing) (themselves|their way)|"
    r"barricad\w*|erect(ed|ing)? (\w+ ){0,2}(road ?blocks?|barriers)|(block|blocked|blocking) ([\w-]+ ){0,6}with "
    r"(burning|stones|rocks|boulders|logs|tree|bonfires)|bonfires?|"
    r"vandali[sz]\w*|(looted|looting|torched|torching|set (ablaze|alight|on fire|fire to)|burn(ed|t) (down )?(\w+ ){0,2}"
    r"(vehicles?|cars?|buses|houses|shops|offices|property|buildings?|police station))|destroy(ed|ing) property|smash(ed|ing)|"
    r"damag(ed|ing) (\w+ ){0,3}(property|vehicles?|cars?|windows|offices?|building)|"
    r"clash(ed|es)? with (the )?(police|security|officers|anti-riot|soldiers)|fought (with )?(the )?police|brawl\w*|"
    r"scuffle\w*|running battles?|(attacked|assaulted|injured|beat( up)?) (?!by\b)(\w+ ){0,2}(police|officers?|policem[ae]n)|"
    r"forced (their way|entry)|broke into|violence erupted|(destruction|destroy\w*) of property|property destruction|"
    r"(burn|burnt|burned|burning|set fire to|torched) (\w+ ){0,2}(ballot|mattresses|property|papers)|"
    r"disrupt(ed|ing|s)? ([\w']+ ){0,3}(rally|meeting|event|campaign)|lit (\w+ )?fires|"
    r"molotov\w*|petrol bombs?|rampage|went on rampage|overturned|"
    r"(attacked|beat|assaulted) (\w+ ){0,3}(man|woman|driver|workers?|teachers?|principal|staff|people|journalists?)|"
    # the passive: "several vehicles were reportedly burnt during the protest"
    r"(vehicles?|cars?|buses|lorries|trucks|houses|homes|shops|stalls|offices|property|buildings?|tyres|tires|"
    r"dorm\w*|classrooms?|police posts?|police stations?) (\w+ ){0,2}(were|was) (\w+ ){0,2}"
    r"(burnt|burned|torched|set ablaze|set on fire|vandali[sz]ed|destroyed|smashed|looted|damaged|stoned)|"
    r"(burn(ed|t|ing|s)?|torch(ed|ing)?) (\w+ ){0,2}(dorm\w*|classrooms?|school|property|stalls|market|houses|police (camp|post)s?))\b",
    "mob": r"\b(mobs?|lynch\w*|vigilant\w*|mob justice|jungle justice|instant justice|"
    r"(residents|villagers|locals|local people|citizens|crowds?|members of the public|the public|youths|"
    r"community members|settlers|angry \w+) "
    r"(\w+ ){0,2}(attacked|beat|beating|lynched|set upon|torched|stoned|killed|burnt|burned|descended|assaulted|"
    r"hacked|chased|stormed|raided|clobbered|captured|tied)|set upon|(beaten|assaulted|injured|attacked) (\w+ ){0,2}"
    r"(to death )?by (\w+ ){0,2}"
    r"(residents|villagers|locals|local people|citizens|crowds?|members of the public|youths|public|traders|"
    r"community members|settlers)|"
    r"(clash|fight|fought|brawl)\w* between (\w+ ){0,3}(supporters|students|youths|fans|drivers|traders|riders|"
    r"residents|villagers|groups|families|inmates|prisoners)|"
    r"(supporters|students|youths|fans|drivers|traders|riders|inmates|prisoners|families) (\w+ ){0,4}(clash|fought|brawl)\w*|"
    r"(suspected|alleged) (\w+ ){0,2}(thie(f|ves)|robbers?|witch\w*|criminals?|rapists?|murderers?) "
    r"(\w+ ){0,3}(was|were) (\w+ ){0,2}(beaten|killed|lynched|burnt|burned|stoned|attacked|hacked)|"
    r"witchcraft|(burnt|burned) (to death|alive) by)\b",
    "crowd_fight": r"\b(each other|one another|(supporters|fans|students|youths|rival groups|two groups|factions) "
    r"(\w+ ){0,9}(clash\w*|fought|fight\w*|brawl\w*|threw stones)|(clash\w*|fight\w*|brawl\w*) "
    r"((took place|broke out|erupted|occurred) )?between (\w+ ){0,4}"
    r"(supporters|fans|students|youths|rival groups|two groups))\b",
    "intervention": r"\b(tear ?gas|teargas|dispers(ed|e|ing|al)|rubber (bullets?|ammunition|rounds)|"
    r"water[- ]?cannons?|batons?|baton[- ]charged?|(arrest|arrested|arresting|detain|detained|detaining|rounded up) "
    r"(\w+ ){0,3}(protesters?|demonstrators?|participants|marchers|activists|people|students|of them|them|"
    r"organi[sz]ers|leaders|members|residents|traders|workers)|(protesters?|demonstrators?|participants|people|"
    r"activists|students|\d+|several|some|dozens|others|organi[sz]ers|leaders|they|one|two|three|woman|man|women|men|"
    # not "activists who were detained in recent demonstrations": a past arrest the protest is about
    r"workers|journalists?) (?!(?:who|that|which) )((\w+ ){0,2}|,[^.;]{0,40}?, )(were|was|being|got) "
    r"(\w+ )?(arrested|detained)|(police|officers|forces|authorities) (\w+ ){0,3}(arrested|detained)|"
    r"arrests were made|(made|making) (\w+ )?arrests|"
    r"fired (\w+ ){0,2}in(to)? the air|warning shots|pepper spray|broke (it )?up|forcibly (removed|evicted)|"
    r"crackdown|cracked down|stun grenades?|blocked (the )?(protesters|demonstrators|march)|"
    r"(prevented|stopped) (\w+ ){0,2}(protesters|demonstrators|march)|intervened|interfered|kettled|pushed back|"
    r"(tried|attempted) to control the crowd|"
    r"(beat|beaten|assaulted|attacked|injured|wounded|hurt|scuffled) (\w+ ){0,4}(protesters|demonstrators|protests?|"
    r"demonstrations?|rally|march))\b",
    "lethal_force": r"\b(live (ammunition|bullets|fire|rounds)(?! (\w+ )?in(to)? the air)|(shot|killed|shot dead|opened fire on|fired on|"
    r"fired (live )?(bullets|shots) (at|into))(\w+ ){0,3}(protesters?|demonstrators?|marchers?|crowds?)|"
    r"(protesters?|demonstrators?|marchers?) (\w+ ){0,2}(were |was )?(shot|killed|shot dead|died|seriously injured)|"
    r"(killing|killed) (\w+ ){0,2}(protesters?|demonstrators?))\b",
    # --- violence against civilians
    "sexual": r"\b(rap(e|ed|es|ing)|sexual(ly)? (assault|abus|violen|harass|exploit)\w*|defil(ed|ement)|"
    r"gang-?rap\w*|sodomi[sz]\w*)\b",
    "abduct": r"\b(abduct\w*|kidnap\w*|hostages?|taken captive|held captive|forcibly disappeared|"
    r"enforced disappearance|disappeared after|(taken|took|whisked) (\w+ ){0,2}to (an )?unknown (location|destination)|"
    r"extrajudicial(ly)? detain\w*|illegally detained)\b",
    "attack": r"\b(kill(ed|ing|s)?|murder(ed|s|ing)?|shot dead|gunned down|shoots?|shooting|shot|"
    r"hack(ed|ing)?|stabb(ed|ing)|stabs?|spear(ed|ing)?|behead(ed|s|ing)|decapitated|dismembered|"
    r"slaughter(ed|s)?|execut(ed|es|ing)|"
    r"tortur(ed|e|ing)|beat(en|ing|s)?|whipp(ed|ing)|flogg(ed|ing)|assault(ed|s)?|attack(ed|s|ing)?|"
    r"massacre(d)?|injur(ed|ing|es|ies)|wound(ed|ing|s)?|burnt? (alive|to death)|assassinat\w*|"
    r"maimed|abus(ed|e)|harass(ed|ing)|roughed up|raid(ed|s)?|open(ed)? fire|fired (at|on|upon)|ambush\w*|"
    # "fired caliber 12.7mm, 14.5mm and PK machine guns at residential areas"
    r"fired (\w+ |[\w.]+, ){0,10}?(machine ?guns?|guns?|weapons|rifles?|shots|rounds|bullets|tear ?gas( canisters)?|"
    r"live ammunition|gunfire)\b[^.;]{0,40}?\b(at|on|upon|towards)|"
    r"bodies|body (of|was)|found dead|lifeless|intimidat\w*|threaten\w*|evict(ed|ion)|"
    r"(cut|slit) (\w+ )?throats?|lynch\w*|"
    # people set on fire; a house set on fire is property destruction
    r"set (?!(\w+ ){0,2}(houses?|homes?|shops?|vehicles?|cars?|trucks?|buildings?|offices?|property|farms?|"
    r"school)\b)(\w+ ){1,2}(on fire|ablaze))\b",
    # --- strategic developments
    "disrupted": r"\b(defus(ed|ing|e)|(found|discovered|seized|recovered|intercepted|confiscated|impounded|"
    r"shot down|downed|destroyed|dismantled|neutrali[sz]ed|unearthed|located|detected|foiled) (\w+ ){0,4}"
    r"(explosives?|bombs?|ieds?|weapons?|arms|ammunition|ammo|rifles?|guns?|firearms?|drones?|missiles?|"
    r"rockets?|devices?|caches?|grenades?|landmines?|mines?|uxos?|ordnance)|weapons? (cache|seizure|haul)|"
    r"arms cache|(detonated|exploded) prematurely|premature(ly)? (detonat|explo)\w*|accidentally (detonat|explo)\w*|"
    r"(while|when) (planting|making|assembling|fitting|handling|transporting) (\w+ ){0,3}(bomb|ied|device|explosive)s?|"
    r"foiled|thwarted|intercepted|shot down|bomb disposal|(was|were) (safely )?(defused|detonated by|disposed))\b",
    "agreement": r"\b(agreements?|agreed|cease-?fires?|truce|peace (deal|accord|agreement|talks|pact)|signed|"
    r"surrender(ed|s)?|laid down (their )?arms|(released|freed|handed over) (\w+ ){0,3}(prisoners|hostages|"
    r"detainees|captives)|prisoner (exchange|swap)|negotiat\w*|reconciliation|mediat\w*|amnesty)\b",
    "sd_arrest": r"\b(arrest(ed|s)?|detain(ed)?|apprehend(ed)?|nabbed|taken into custody|rounded up|"
    r"in custody|charged with|indicted)\b",
    "looting": r"\b(loot(ed|ing|s)?|torch(ed|ing)|(burn(ed|t|ing)?|set (fire|ablaze)|razed|destroy(ed|ing)?) "
    r"(down )?(\w+ ){0,3}(houses?|homes?|huts?|shops?|property|propert(y|ies)|vehicles?|cars?|school|"
    r"offices?|crops|fields|manyattas?|buildings?|structures|church|mosque|market|kiosks?)|arson|"
    r"vandali[sz]ed|demolish(ed|ing)?|crop fields|set (on fire|ablaze)|(burnt|burned) down|razed|"
    r"(cut|chopped) down (\w+ ){0,4}(olive )?trees|uproot(ed|ing)? (\w+ ){0,4}(olive )?trees|"
    r"(stole|stolen|steal|stealing|made away with|drove away|took away) (\w+ ){0,4}(livestock|cattle|goats|"
    r"camels|sheep|cows|animals|property|money|food|aid)|rustl\w*|theft|robbed|robbery|extort\w*|"
    # seizures of goods, drugs, boats or land (weapons seized are disrupted weapons use)
    r"(seized|confiscated|impounded|seize) (?!control|power|the (town|city|village|area|district|base)\b)\w+|"
    r"destroy(ed|ing)? (\w+ ){0,3}(airstrips?|water (scheme|project|pipes?|tanks?)|bridges?|towers?|pipelines?|"
    r"plantations?|farms?|tractors?|bulldozers?|trucks?|pickups?|boats?|machinery|equipment|apartments?)|"
    r"(cut down|uproot\w*|chopped down) (\w+ ){0,4}(trees|saplings|crops|vines))\b",
    "change": r"\b(deploy(ed|ment|s|ing)?|recruit\w*|defect(ed|ion|s|ors?)?|formed|form(ing)? (a|an|their)|"
    r"launch(ed)? (an? )?(military |security )?(operation|campaign|crackdown)|curfew|"
    r"security (measures|operations?|forces were deployed)|reinforcements?|(troops?|forces) (moved|arrived|"
    r"mobili[sz]ed|entered|withdrew)|mobili[sz]\w*|training|trained|patrols?|patrolling|state of emergency|"
    r"banned|ban on|lockdown|militar(y|ies) (drill|exercise)s?|drills?|exercises?|parade\w*|"
    r"(new|appointed) (leader|commander)|pledged allegiance|split|merged|disband\w*|searched|search operation|"
    r"cordon\w*|closed (the )?border|reopen\w*|raid(ed)? (\w+ ){0,3}(homes?|houses?|offices?)|"
    r"(establish\w*|built|dug|set up) (\w+ ){0,2}(fortifications|trenches|checkpoints?|positions)|fortified|"
    r"switched sides|(joined|rejoined) (the )?(ranks of )?(?-i:[A-Z])\w+|"
    r"(ships?|vessels?|convoys?|planes?|aircraft|reinforcements|troops|forces) (\w+ ){0,8}arrived (in|at))\b",
    "hq": r"\b((establish(ed|es)?|set up|set-up|built|open(ed|s)?|install(ed)?) (a |an |its |their )?(new )?"
    r"(\w+ )?(base|headquarters|camp|outpost|military post)s?)\b",
    "transfer": r"\b(handed over|hand over|withdr(ew|awn|aw) from|pulled out of|took over (\w+ ){0,3}"
    r"without (a )?(fight|resistance)|peacefully (took|handed)|without (a )?(fight|resistance)|"
    r"(retreated|fled) from (\w+ ){0,2}(town|city|village|district|area|base))\b",
    "other": r"\b(mass graves?|displac(ed|ement|ing)|fled (their|the) (homes|village|area)|coup( d'etat)?|"
    # people moved en masse: "569 Venezuelan refugees arrived", "families evacuated"
    r"(refugees|migrants|returnees) (\w+ ){0,6}(returned|arrived|were repatriated)|"
    r"(returned|arrived) (\w+ ){0,3}(refugees|migrants)|families (\w+ ){0,8}evacuated|"
    r"fired (\w+ ){0,2}in(to)? the air|shots were (heard|fired)|(heard|sound of) (gun)?(shots|gunfire)|"
    r"celebratory (gun)?fire|(exhum\w*)|prison ?break|escaped from (\w+ ){0,2}(prison|jail)|"
    r"dismantl\w* (\w+ ){0,3}(camp|base|hideout|training)|occupied (the )?(parliament|assembly|ministry))\b",
}

# Same-length masks applied before matching, so that dates, bookkeeping tails and source names
# never look like cues ("On 2 March 2020", "(VoJ also reported 3 killed)").
MASKS: tuple[str, ...] = (
    # the fighting a development follows or recalls is not the event coded: "were displaced
    # following a clash between the NPA and the military", "forces that recently clashed",
    # "arrived after an armed clash occurred on May 3"
    r"(?i)(?:(?<=displaced )|(?<=evacuated )|(?<=fled ))(?:following|after|due to|amid) (?:an? |the )?(?:armed )?"
    r"(?:clash|fighting|attack|hostilities)\w*(?: between [^.;,]{0,60})?|"
    r"\b(?:that|who|which|have|had|has) (?:recently|previously|earlier) (?:clashed|fought)\b|"
    r"\b(?:after|following) an? (?:armed )?(?:clash|attack)(?:es|s)? (?:that )?(?:occurred|took place|erupted) (?:on|in|last)\b",
    # demands about a theft, not violence at the protest: "demanded the recovery of looted funds",
    # "the release of two people arrested after a truck was looted"; a sit-in: "barricaded themselves"
    r"(?i)\blooted (public )?(funds|money|assets|wealth|valuables|property|savings)\b|"
    r"\b(was|were|had been|have been) looted\b|\bbarricaded (themselves|himself|herself)\b",
    # "No injuries were reported", "with no casualties": harm denied is no harm
    r"(?i)\b(no|without|nor|neither)( \w+){0,2} (injur(y|ies)|casualt(y|ies)|fatalit(y|ies)|deaths?)\b|"
    r"\bno(body| one) (was |were )?(hurt|injured|killed|wounded)\b",
    r"\b(\d{1,2}(st|nd|rd|th)? )?(January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?( \d{1,2}(st|nd|rd|th)?)?,?( \d{4})?\b",
    r"\((\w+ ){0,3}(also )?reported [^)]*\)",
    r"\[size=[^\]]*\]",
    # "these raids demonstrate the growing capacity": to show, not to protest
    r"\bdemonstrat(e|es|ed|ing)\b(?= (that|the|its|their|our|his|her|a|an|how|what|[A-Z]\w+'s)\b)(?! the (streets?|city|town|capital))",
    # "the US-led coalition fighting ISIS": a description of who someone is, not a battle
    r"\b(coalition|alliance|countries|campaign|groups|forces|troops|militias|war|efforts?) (\w+ )?fighting\b",
    r"\b(reported|reportedly|according to) (by )?(the )?(\w+ )?(Strike|Post|Star|Times|News|Voice)\b",
    # "after the intense protests and riots in the country's prisons in the previous week": an
    # earlier event the report refers back to, not the one it codes
    r"\b(after|following|since)\s+(the\s+)?[^.;]{0,80}?\b(in|during|of|over)\s+the\s+"
    r"(previous|last|past|preceding)\s+(days?|week|weeks|month|months|year|years)\b",
)
