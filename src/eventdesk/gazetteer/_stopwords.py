"""Words that name some town in GeoNames but, in news text, are almost always something else.

cities500 holds towns called "Police", "Man", "Hope", "Of", "Bar", "Said", "Army", "Rebel"... A
capitalised sentence opener ("Police said...") or a person's name ("Said Ali") must not become an
event location. The list is the union of spaCy's English stop words (added at build time) and the
words below: news vocabulary, common nouns/adjectives/verbs and frequent given names that GeoNames
also uses as place names. The places stage accepts such a name only with an explicit place cue
("the town of Hope", "Man district").
"""

from __future__ import annotations

__all__ = ["COMMON_WORDS"]

_NEWS = """
police army military forces force security troops soldiers soldier officer officers rebels rebel
militants militant gunmen gunman fighters fighter group groups party government state states
minister ministry president governor mayor commander chief general colonel captain major
sergeant leader leaders official officials spokesman spokesperson source sources witness
witnesses reporter reuters press news agency media report reports reported said says told
attack attacks attacked bomb bombing blast explosion explosive strike strikes struck raid raids
clash clashes battle battles fight fighting war conflict killed killing kill dead death deaths
wounded injured hurt victim victims civilian civilians people man men woman women child children
boy boys girl girls family families village town city capital province district region area
border camp base station airport road street bridge market hospital school mosque church court
prison jail office house home building center centre north south east west northern southern
eastern western central upper lower new old great little grand mount lake river valley island
islands bay port sea ocean hill hills desert forest national international united independent
islamic democratic republic popular liberation front movement union council committee
assembly parliament congress senate police protest protests protesters demonstration march
rally riot riots strike union unions students student teachers workers farmers herders
""".split()

_COMMON = """
a an the of in on at by to for from with without into onto over under after before during
and or but nor so yet if then than as is are was were be been being am do does did done
have has had having will would shall should can could may might must not no yes all any
each every some many much more most few less least other another such same own only just
also very too here there where when why how what which who whom whose this that these those
one two three four five six seven eight nine ten hundred thousand million first second third
last next early late day days week weeks month months year years today tomorrow yesterday
morning evening night monday tuesday wednesday thursday friday saturday sunday january february
march april may june july august september october november december spring summer autumn winter
hope faith peace love joy unity liberty freedom victory glory justice truth honor honour trust
good bad best better worse fine free fair long short high low big small tall wide deep far near
early late fast quick slow hot cold warm dry wet dark light black white red green blue brown
gold silver iron stone rock wood water fire earth wind rain snow ice sun moon star stars sky
man bar said says say see saw sale sales hall halls well wells mill mills farm farms park parks
church chapel cross crossing corner point end edge side top bottom middle half rest time times
way ways line lines place places spot field fields ground land lands plain plains spring springs
gate gates door wall walls tower towers castle palace garden gardens court courts square
union alliance success progress progreso providence paradise eden heaven zion bethel canaan
independence republic liberty concord harmony friendship goodwill welcome comfort content
normal central unity victoria dolores angeles trinidad esperanza libertad caridad soledad
bay cove harbor harbour beach shore coast cape head heads neck arm arms hand hands foot feet
eye eyes mouth face back front left right sign signs key keys bell bells lock box cap boot
post mail record herald times tribune sentinel observer guardian mirror express star sun
canal port bridge fort camp base zone zones sector sectors block ward quarter
university college academy institute stadium jubilee campaign company
king queen prince princess lord lady duke earl baron knight bishop pope saint sir madam
father mother brother sister son daughter uncle aunt friend friends guest host chief
mark marks bill bills jack will rose lily iris grace joy faith hope mercy ruby pearl amber
""".split()

_GIVEN_NAMES = """
said ali mohammed muhammad mohamed ahmed ahmad mahmoud hassan hussein husain hussain omar umar
abdullah abdallah ibrahim ismail khalid khaled yusuf youssef yousef mustafa mostafa hamid hamed
karim kareem nasser nasir salah saleh salih tariq tarek walid waleed ziad majid jamal kamal amir
emir aziz rashid rasheed samir sami faisal fahd fawaz hadi haidar haider jafar jaafar zaid zayed
abbas anwar ashraf bashir basheer fadel fadhil ghazi habib hakim hani hashim hisham jabir jalal
kazem kazim mahdi malik mansour marwan munir nabil nadim naji qasim qassim rami riyad sadiq
saeed saad sultan taha talal wael yahya yasin yassin younis yunus zakaria zuhair
john james david michael peter paul mark luke matthew andrew thomas george william henry charles
robert richard joseph daniel samuel benjamin simon stephen anthony antonio jose juan carlos luis
maria mary anna elizabeth sarah martha ruth grace victoria alexandra helena
musa issa isa idris adam nuh harun dawud sulayman suleiman sulaiman
""".split()

_ORGS_AND_PEOPLE = """
isis isil daesh taliban shabaab al-shabaab hezbollah hamas houthi houthis pkk ypg sdf fsa hts nato
kurd kurds kurdish arab arabs arabic shia shiite sunni christian christians muslim muslims jewish
allah god jesus christ prophet imam sheikh sheik mullah ayatollah
""".split()

COMMON_WORDS: frozenset[str] = frozenset(_NEWS + _COMMON + _GIVEN_NAMES + _ORGS_AND_PEOPLE)
