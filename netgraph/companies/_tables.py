"""Word lists the company matcher relies on: legal forms, places, unit words, markers.

Entries are written in normalised form (lower case, no accents, no punctuation, one space
between words), so they compare directly with :func:`~netgraph.companies.company_key`.
Lists are comma-separated so that several-word entries ("new york", "sp z oo") read
naturally. Nothing here names the targets of a particular user: how ordinary a target's
name is comes from word frequencies (:mod:`netgraph.companies._words`), not from a list.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    """The comma-separated entries of ``text``, each with single spaces."""
    return frozenset(" ".join(item.split()) for item in text.split(",") if item.strip())


# Legal forms of many countries, and words like "Group" that end a name without naming a
# different company. Removed from the end of a name, several in a row ("GmbH & Co. KG",
# "Pvt Ltd"), never down to nothing.
LEGAL_SUFFIXES = _words(
    """
    inc, incorporated, corp, corporation, co, cos, company, companies, cie, llc, llp, lllp,
    lp, ltd, ltda, limited, plc, pllc, pc, gmbh, mbh, ag, kg, kgaa, ohg, ug, se, sa, sas,
    sasu, sarl, sca, scs, snc, spa, srl, sl, slu, sau, nv, bv, bvba, cv, vof, ab, publ, asa,
    as, aps, oy, oyj, pty, pvt, pte, private, kk, gk, bhd, sdn, tbk, jsc, pjsc, ojsc, cjsc,
    ooo, zao, oao, pao, sro, kft, zrt, nyrt, doo, dd, ad, ehf, hf, uc, ulc, dac, na, ltee,
    sab, sapi, group, groupe, gruppe, grupo, gruppo, holding, holdings, aktiengesellschaft,
    limited liability, sp z oo, sp zoo, s de rl, eireli, me, epp, lda, lmt, pvt ltd
    """
)

# One spelling per legal form, for telling "ITC Holding" from "ITC Limited" in grouping.
LEGAL_CANONICAL = {
    "incorporated": "inc", "corporation": "corp", "company": "co", "companies": "co",
    "cos": "co", "limited": "ltd", "lmt": "ltd", "holdings": "holding", "groupe": "group",
    "gruppe": "group", "grupo": "group", "gruppo": "group", "aktiengesellschaft": "ag",
    "private": "pvt",
}  # fmt: skip

# Small words left dangling once a legal form is gone ("Goldman Sachs & Co." ->
# "goldman sachs and" -> "goldman sachs"; "S.A. de C.V.").
DANGLING = _words("and, und, et, y, e, de, en, of")

# Places: a target name followed only by these ("SAP America", "Pfizer UK", "Google
# Zurich") is still that company.
PLACES = _words(
    """
    afghanistan, albania, algeria, andorra, angola, argentina, armenia, australia, austria,
    azerbaijan, bahamas, bahrain, bangladesh, barbados, belarus, belgium, belize, benin,
    bhutan, bolivia, bosnia, botswana, brazil, brunei, bulgaria, burkina faso, cambodia,
    cameroon, canada, chile, china, colombia, congo, costa rica, croatia, cuba, cyprus,
    czechia, czech republic, denmark, dominican republic, ecuador, egypt, el salvador,
    estonia, ethiopia, fiji, finland, france, gabon, georgia, germany, ghana, greece,
    guatemala, guyana, honduras, hong kong, hungary, iceland, india, indonesia, iran, iraq,
    ireland, israel, italy, ivory coast, jamaica, japan, jordan, kazakhstan, kenya, korea,
    south korea, kosovo, kuwait, latvia, lebanon, liechtenstein, lithuania, luxembourg,
    macau, macao, madagascar, malawi, malaysia, malta, mauritius, mexico, moldova, monaco,
    mongolia, montenegro, morocco, mozambique, myanmar, namibia, nepal, netherlands, holland,
    new zealand, nicaragua, nigeria, north macedonia, norway, oman, pakistan, panama,
    paraguay, peru, philippines, poland, portugal, puerto rico, qatar, romania, russia,
    rwanda, saudi arabia, senegal, serbia, singapore, slovakia, slovenia, south africa,
    spain, sri lanka, sweden, switzerland, taiwan, tanzania, thailand, tunisia, turkey,
    turkiye, uganda, ukraine, united arab emirates, uae, united kingdom, uk, great britain,
    britain, england, scotland, wales, northern ireland, united states,
    united states of america, usa, us, america, uruguay, uzbekistan, venezuela, vietnam,
    viet nam, zambia, zimbabwe, ksa, deutschland, osterreich, schweiz, suisse, svizzera,
    espana, italia, nederland, belgie, belgique, polska, sverige, norge, danmark, suomi,
    brasil,

    emea, apac, apj, latam, amer, americas, europe, european union, eu, asia, asia pacific,
    north america, south america, latin america, central america, middle east, mena, mea,
    africa, nordics, nordic, benelux, dach, cee, anz, oceania, scandinavia, uki, emeia, gcc,

    london, dublin, paris, berlin, munich, hamburg, frankfurt, amsterdam, rotterdam, zurich,
    geneva, basel, vienna, brussels, madrid, barcelona, lisbon, milan, rome, stockholm,
    copenhagen, oslo, helsinki, warsaw, krakow, prague, budapest, bucharest, athens,
    istanbul, tel aviv, edinburgh, manchester, cambridge, oxford, belfast, cork, new york,
    nyc, new york city, san francisco, sf, bay area, silicon valley, seattle, boston,
    chicago, austin, dallas, houston, denver, atlanta, miami, los angeles, san diego,
    san jose, santa clara, sunnyvale, mountain view, palo alto, menlo park, cupertino,
    redmond, bellevue, portland, phoenix, minneapolis, detroit, pittsburgh, philadelphia,
    washington, washington dc, charlotte, raleigh, nashville, salt lake city, toronto,
    vancouver, montreal, ottawa, calgary, waterloo, mexico city, sao paulo, rio de janeiro,
    buenos aires, bogota, santiago, lima, tokyo, osaka, seoul, beijing, shanghai, shenzhen,
    guangzhou, hangzhou, taipei, sydney, melbourne, brisbane, perth, auckland, bangalore,
    bengaluru, hyderabad, pune, chennai, mumbai, delhi, new delhi, gurgaon, gurugram, noida,
    kolkata, ahmedabad, jakarta, manila, kuala lumpur, bangkok, ho chi minh city, hanoi,
    dubai, abu dhabi, riyadh, doha, cairo, lagos, nairobi, johannesburg, cape town,
    casablanca,

    alabama, alaska, arizona, arkansas, california, colorado, connecticut, delaware,
    florida, hawaii, idaho, illinois, indiana, iowa, kansas, kentucky, louisiana, maine,
    maryland, massachusetts, michigan, minnesota, mississippi, missouri, montana, nebraska,
    nevada, new hampshire, new jersey, new mexico, north carolina, north dakota, ohio,
    oklahoma, oregon, pennsylvania, rhode island, south carolina, south dakota, tennessee,
    texas, utah, vermont, virginia, west virginia, wisconsin, wyoming,

    cayman, cayman islands, channel islands, jersey, guernsey, isle of man, bermuda,
    caribbean, caribbean and bermuda, west africa, east africa, southern africa,
    north africa, central europe, eastern europe, western europe, baltics, baltic, iberia,
    greater china, gulf, levant, banglore, bengaluru, abuja, port harcourt, accra,
    belo horizonte, curitiba, porto alegre, recife, campinas, florianopolis, brasilia,
    coimbatore, kochi, trivandrum, thiruvananthapuram, mysore, mysuru, indore, jaipur,
    chandigarh, bhubaneswar, nagpur, vadodara, lucknow, kolkata
    """
)


# Plain organisational words: safe after any name, even an ordinary word.
ORG_WORDS = _words(
    """
    international, intl, global, worldwide, corporate, corporate office, hq, headquarters,
    head office, office, offices, division, branch, retail, stores, store
    """
)

# Business-unit words: after a name that is neither rare nor an everyday word ("Intel
# Labs", "IBM Consulting", "Oracle Cloud Infrastructure") these still name a unit of the
# same company. After an everyday word ("Apple Bank", "Target Technologies") they do not.
UNIT_WORDS = _words(
    """
    labs, lab, research, research and development, r and d, rd, engineering, cloud,
    web services, cloud services, payments, ads, advertising, technologies, technology,
    tech, systems, software, solutions, services, global services, consulting, digital,
    ventures, capital, media, operations, fulfillment, fulfilment, fulfillment center,
    fulfillment centre, development center, development centre,
    technology center, technology centre, innovation, innovation center, innovation centre,
    ai, data, analytics, security, marketing, commerce, platform, platforms,
    infrastructure, securities, asset management, investment management,
    wealth management, financial, financial services, tax, audit, advisory, assurance,
    pharma, pharmaceuticals, mobility, studios, it, it services, investment banking,
    corporate banking, private banking, retail banking, commercial banking, private bank,
    shared services, shared services centre, shared services center, business services,
    solution centre, solution center, industries,
    capability centre, capability center, delivery centre, delivery center,
    service centre, service center, competence centre, competence center,
    acceleration centre, acceleration center, acceleration centres, acceleration centers,
    delivery centres, delivery centers, development centres, development centers,
    innovation centres, innovation centers, technology centres, technology centers
    """
)

# Words that may join unit words ("Ford of Europe", "Pfizer Research and Development").
UNIT_JOINERS = _words("of, in, and, de, for, do, da")

# Generic organisation words written in front of a name: "Banco Itau", "Grupo Santander",
# "The Home Depot".
FRONT_WORDS = _words(
    """
    banco, banca, banque, bank, grupo, group, groupe, gruppo, gruppe, cia, companhia,
    compania, compagnie, the
    """
)

# Words glued to the end of a rare name without changing the company: "Citibank",
# "Citigroup", "Citicorp", "WalmartLabs".
GLUE_WORDS = ("bank", "group", "grupo", "corp", "labs", "lab")

# Cells that name no employer to share with anyone: working for yourself, a hidden
# employer, no job, no answer (null markers such as "NA" are the reader's:
# netgraph.io.cells). Compared with the cell's letters and digits, lower-cased. Never a
# company, never matched, never a shared workplace.
NO_EMPLOYER = frozenset(
    {"", "nd", "notapplicable", "notavailable", "nocompany", "unknown", "self", "selfemployed",
     "selfemploy", "selfemployment", "freelance", "freelancer", "freelancing", "autonomo",
     "autonoma", "independent", "confidential", "undisclosed", "stealth", "stealthstartup",
     "stealthmode", "stealthmodestartup", "private", "retired", "student", "unemployed",
     "opentowork", "lookingforopportunities", "various", "multiple", "multiplecompanies",
     "notemployed", "jobseeker"}
)  # fmt: skip

# Words that make a mention of a company a programme, community, certification or
# student club rather than a job there ("Google Summer of Code", "AWS Community
# Builders", "Microsoft Learn Student Ambassadors", "Apple Developer Academy").
PROGRAMME_WORDS = _words(
    """
    summer of code, developer group, developer groups, developers group, user group,
    users group, user groups, student, students, ambassador, ambassadors, community,
    communities, community builder, community builders, academy, certification,
    certifications, certified, certificate, certificates, bootcamp, fellowship,
    scholarship, scholars, scholar, mvp, champion, champions, club, clubs, meetup,
    hackathon, for startups, for education, educator, educators, developer expert,
    developer experts, alumni, alumnus, learners, trainee program, program, programme,
    foundation, university, school, course, courses, training, trainer
    """
)

# Words that make a mention of a company a partner or a reseller of it ("Salesforce
# Partner", "Google Cloud Premier Partner", "Shell Licensee").
PARTNER_WORDS = _words(
    """
    partner, partners, partner of the year, reseller, resellers, licensee, licensees,
    distributor, distributors, dealer, dealers, franchise, franchisee, authorised,
    authorized, integrator, premier partner, gold partner, summit partner
    """
)

# Full names that look like a unit of a well-known company but are a different company
# (spun off, a joint venture or a namesake).
DIFFERENT_COMPANIES = _words(
    """
    target australia, siemens energy, siemens healthineers, siemens gamesa,
    siemens healthcare, ge healthcare, ge vernova, ge appliances, philips lighting,
    sony ericsson, bloomberg philanthropies, tesla exploration
    """
)

# Well-known other names: each group is one company. A group may name a parent group (its
# name a member of the parent): its names then also match a target named like the parent
# ("AWS" is Amazon), but the parent's names do not match a target named like the child
# ("Amazon" is not AWS). Only used when a target is in the group.
KNOWN_ALIASES: tuple[tuple[str, str | None], ...] = (
    ("meta, facebook, meta platforms, facebook inc", None),
    ("instagram", "meta"),
    ("whatsapp", "meta"),
    ("block, square, square inc, block inc", None),
    ("cash app", "block"),
    ("x, twitter, x corp, twitter inc", None),
    ("ey, ernst and young, ernst young, e and y, ernst and young global", None),
    ("johnson and johnson, j and j, jnj, johnson johnson", None),
    ("procter and gamble, p and g, procter gamble", None),
    (
        "bank of america, bofa, bank of america merrill lynch, baml, bofa merrill lynch, "
        "bofa securities, bank of america securities",
        None,
    ),
    ("merrill lynch, merrill lynch wealth management", "bank of america"),
    ("general electric, ge, ge aerospace, general electric aerospace", None),
    ("google, alphabet", None),
    ("google cloud, google cloud platform", "google"),
    ("google deepmind, deepmind", "google"),
    ("amazon, amazon com", None),
    ("amazon web services, aws", "amazon"),
    ("ibm, international business machines", None),
    (
        "jpmorgan chase, jpmorgan, jp morgan, jpmc, jp morgan chase, jpmorgan chase bank, "
        "jp morgan chase bank",
        None,
    ),
    ("chase, chase bank", "jpmorgan chase"),
    ("deloitte, deloitte and touche, deloitte touche tohmatsu, deloitte touche", None),
    ("pwc, pricewaterhousecoopers, price waterhouse coopers, pricewaterhouse coopers", None),
    ("boston consulting, bcg", None),
    ("salesforce, sfdc, salesforce com", None),
    ("delta air lines, delta airlines, delta", None),
    ("ford, ford motor, ford motor company", None),
    ("general motors, gm", None),
    ("apple, apple computer", None),
    ("uber, uber technologies", None),
    ("uber eats", "uber"),
    ("tesla, tesla motors", None),
    ("shell, royal dutch shell, shell oil", None),
    ("philips, royal philips, koninklijke philips", None),
    ("ericsson, lm ericsson, telefonaktiebolaget lm ericsson", None),
    ("hewlett packard enterprise, hpe", None),
    ("hp, hewlett packard, hp inc", None),
    ("dell, dell technologies, dell emc", None),
    ("cisco, cisco systems", None),
    ("at and t, att", None),
    ("coca cola, coke", None),
    ("pepsico, pepsi", None),
    ("volkswagen, vw", None),
    ("bmw, bayerische motoren werke", None),
    ("zoom, zoom video communications, zoom communications, zoom video", None),
    ("snap, snapchat", None),
    ("moderna, modernatx, moderna therapeutics", None),
    ("lvmh, moet hennessy louis vuitton", None),
    ("exxonmobil, exxon mobil, exxon", None),
    ("american express, amex", None),
    ("unitedhealth, uhg, unitedhealthcare", None),
    ("kpmg, klynveld peat marwick goerdeler", None),
    ("itau, itau unibanco", None),
)

# Well-known units of large employers whose names are everyday words or very frequent
# (so that "<name> <other words>" is not enough): each entry is "parent: units". A unit
# matches a target named like its parent (rule "known unit"). Only divisions and
# products whose staff are the parent's own; companies it owns under another name
# (Twitch, Audible, NetSuite, Red Hat) are companies of their own.
KNOWN_UNITS: tuple[tuple[str, str], ...] = (
    ("google", "google operations center, google nest, google fiber, google research, "
               "google brain, google ads, google pay"),
    ("microsoft", "microsoft azure, azure, xbox, microsoft research, microsoft idc, "
                  "microsoft india development center, microsoft consulting services, "
                  "microsoft gaming"),
    ("amazon", "amazon lab126, amazon robotics, amazon studios, amazon mgm studios, "
               "prime video, amazon prime video, amazon pay, amazon logistics, "
               "amazon fulfillment, amazon fulfilment, amazon fulfillment center, "
               "amazon development center, amazon development centre, amazon internet services, "
               "amazon data services, amazon games, amazon alexa, amazon ads, "
               "amazon advertising, amazon devices, amazon music, amazon fresh, "
               "amazon transportation services, amazon retail, amazon kuiper"),
    ("apple", "apple retail, apple tv, apple music, apple pay, apple maps, itunes, "
              "apple operations, apple r and d"),
    ("meta", "meta ai, facebook ai research, reality labs, meta reality labs, "
             "meta superintelligence labs"),
    ("ibm", "ibm ix, ibm consulting, ibm research, ibm software, ibm global services, "
            "ibm global business services, ibm india software labs, ibm india software lab"),
    ("sap", "sap concur, sap successfactors, sap ariba, sap fieldglass, sap labs, "
            "sap labs india, sap signavio"),
    ("uber", "uber freight, uber eats, uber advanced technologies group, uber atg"),
    ("ey", "ey parthenon, parthenon ey, ey global delivery services, ey gds"),
    ("oracle", "oracle netsuite, oracle cerner, oracle health, oracle financial services "
               "software, oracle cloud infrastructure, oracle consulting"),
    ("shell", "shell petroleum development company, shell energy, shell trading, "
              "shell global solutions"),
    ("visa", "visa consulting and analytics"),
    ("intel", "intel labs, intel capital"),
    ("target", "target technology services"),
    ("delta air lines", "delta techops, delta tech ops"),
    ("block", "square capital, cash app"),
    ("philips", "philips healthcare, philips research"),
    ("nestle", "nestle purina, nestle purina petcare"),
    ("novartis", "novartis institutes for biomedical research"),
    ("siemens", "siemens mobility, siemens digital industries software, siemens advanta"),
    ("general electric", "ge capital, ge research, ge power, ge digital, ge renewable energy"),
    ("nvidia", "nvidia graphics"),
)
