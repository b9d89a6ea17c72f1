"""Word lists the company matcher relies on: legal forms, unit words, well-known aliases.

Entries are written in normalised form (lower case, no accents, no punctuation, one space
between words), so they compare directly with :func:`~netgraph.companies._normalize.normalize`.
Lists are comma-separated so that several-word entries ("new york", "sp z oo") read naturally.
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
    limited liability, sp z oo, sp zoo, s de rl
    """
)

# Small words left dangling once a legal form is gone ("Goldman Sachs & Co." ->
# "goldman sachs and" -> "goldman sachs"; "S.A. de C.V.").
DANGLING = _words("and, und, et, y, e, de, en, of")

# Names that are ordinary words (or one or two letters). After them only places and plain
# organisational words ("Target Stores", "Visa Europe") name a unit of the same company:
# "Delta Engineering" or "Block Capital" are too likely to be some other business.
# Typos are not forgiven for them either ("Squire" is not a typo of "Square").
COMMON_WORD_NAMES = _words(
    """
    target, visa, square, delta, apple, meta, block, box, x, ford, shell, snap, zoom, gap,
    next, sky, orange, mango, virgin, ring, nest, bolt, chime, ramp, plaid, wise, unity,
    notion, mercury, compass, slack, signal, adobe, twitter, sage,
    shield, anchor, beacon, summit, pinnacle, vertex, apex,
    frontier, pioneer, liberty, eagle, falcon, phoenix, atlas, titan, triton, zenith,
    vista, horizon, spark, flex, gusto, brex, ramp, mint, chase, capital one, discover,
    progressive, united, american, continental, southwest, allegiant, spirit
    """
)

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
    texas, utah, vermont, virginia, west virginia, wisconsin, wyoming
    """
)

# Plain organisational words: safe after any name, even an ordinary word.
ORG_WORDS = _words(
    """
    international, intl, global, worldwide, corporate, corporate office, hq, headquarters,
    head office, office, offices, division, branch, retail, stores, store
    """
)

# Business-unit words: a distinctive name followed by these is still the same company
# ("Intel Labs", "Bloomberg Engineering", "Google Cloud", "Stripe Payments").
UNIT_WORDS = _words(
    """
    labs, lab, research, research and development, r and d, rd, engineering, cloud,
    web services, cloud services, payments, ads, advertising, technologies, technology,
    tech, systems, software, solutions, services, global services, consulting, digital,
    ventures, capital, media, operations, fulfillment, fulfilment, fulfillment center,
    fulfillment centre, logistics, development center, development centre,
    technology center, technology centre, innovation, innovation center, innovation centre,
    ai, data, security, marketing, commerce, platform, platforms, infrastructure,
    securities, asset management, investment management, wealth management, bank,
    financial, financial services, tax, audit, advisory, assurance, pharma,
    pharmaceuticals, mobility, studios, it, it services, investment banking,
    corporate banking, private banking, retail banking, commercial banking, private bank,
    shared services, shared services centre, shared services center, business services,
    solution centre, solution center,
    capability centre, capability center, delivery centre, delivery center,
    service centre, service center, competence centre, competence center
    """
)

# Words that may join unit words ("Ford of Europe", "Pfizer Research and Development").
UNIT_JOINERS = _words("of, in, and, de, for")

# Full names that look like a unit of a target but are a different company.
DIFFERENT_COMPANIES = _words("target australia")

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
    ("google cloud, gcp, google cloud platform", "google"),
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
    ("pwc, pricewaterhousecoopers, price waterhouse coopers", None),
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
)
