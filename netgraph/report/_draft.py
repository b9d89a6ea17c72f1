"""Message drafts: one clear ask, fitted to how well you know the person.

Rules the texts follow: ask for a referral only from someone who knows you well
(``ask == "referral"``); ask everyone else you know for a short conversation; someone you
have lost touch with gets something useful and no request; a connector is asked for one
introduction, told why that person, and offered a blurb to forward.
"""

from __future__ import annotations

from dataclasses import dataclass

from netgraph._words import article
from netgraph.blurb import write_blurb
from netgraph.errors import NetgraphError
from netgraph.people import Candidate, pick_one
from netgraph.plan import Plan
from netgraph.report import _common as c
from netgraph.report._openers import history, opener, tie_evidence
from netgraph.report._steps import STEPS, choose_step, follow_up, report_back, share_request, thank_you, to_them
from netgraph.roles import classify_role


@dataclass(frozen=True)
class Draft:
    """A message to send, ready to edit.

    Attributes
    ----------
    recipient
        The name of the person to write to.
    subject
        A subject line.
    body
        The message, with ``[placeholders]`` for what only you can fill in.
    alternatives
        Other single asks that suit this person, to use instead of the main one.
    step
        Which message of the sequence this is: ``ask``, ``follow-up``, ``thank-you``,
        ``to-them``, ``report-back`` or ``share-request``.
    """

    recipient: str
    subject: str
    body: str
    alternatives: tuple[str, ...] = ()
    step: str = "ask"


def draft_record(draft: Draft) -> dict:
    """A :class:`Draft` as the JSON ``draft --format json`` writes: step, to, subject, body, alternatives.

    Examples
    --------
    >>> draft_record(Draft("Sam Lee", "Hello", "Hi Sam,", step="follow-up"))["step"]
    'follow-up'
    """
    return {"step": draft.step, "to": draft.recipient, "subject": draft.subject, "body": draft.body,
            "alternatives": list(draft.alternatives)}


def render_draft(draft: Draft) -> str:
    """Format a :class:`Draft` as plain text: recipient, subject, body, other asks.

    Examples
    --------
    >>> print(render_draft(Draft("Sam Lee", "Hello", "Hi Sam,", ("Coffee soon?",))), end="")
    To: Sam Lee
    Subject: Hello
    <BLANKLINE>
    Hi Sam,
    <BLANKLINE>
    Other asks that would suit Sam Lee (pick one, never several):
    - Coffee soon?
    """
    lines = [f"To: {draft.recipient}", f"Subject: {draft.subject}", "", draft.body.rstrip()]
    if draft.alternatives:
        lines += ["", f"Other asks that would suit {draft.recipient} (pick one, never several):"]
        lines += [f"- {a}" for a in draft.alternatives]
    return "\n".join(lines) + "\n"


# -- finding people by name --------------------------------------------------------------


def _label(name: str, company: str) -> str:
    return f"{name} ({company})" if company else name


def _target_candidates(plan: Plan) -> list[Candidate]:
    out = []
    for t in c.targets(plan):
        out.append(Candidate(t.company, t.company, "company", t.company))
        out += [Candidate(f"{alias} (= {t.company})", alias, "company", t.company) for alias in t.aliases]
    for r in c.records(plan.insiders):
        name = c.text(r.get("name"))
        out.append(Candidate(_label(name, c.text(r.get("company"))), name, "insider",
                              c.text(r.get("person_id")), c.text(r.get("url"))))
    for r in c.records(plan.intro_paths):
        name = c.text(r.get("target_name"))
        out.append(Candidate(_label(name, c.text(r.get("company"))), name, "second",
                              c.text(r.get("target_id")), c.text(r.get("target_url"))))
    for r in c.records(plan.connectors):
        name = c.text(r.get("name"))
        out.append(Candidate(_label(name, c.text(r.get("company"))), name, "connector",
                              c.text(r.get("person_id")), c.text(r.get("url"))))
    # one person is an insider first, then someone to meet, then a connector
    rank = {"company": 0, "insider": 1, "second": 2, "connector": 3}
    out.sort(key=lambda x: rank[x.kind])
    return out


# -- the public function -----------------------------------------------------------------


def draft_message(plan: Plan, *, target: str | None = None, via: str | None = None,
                  your_name: str | None = None, step: str | None = None) -> Draft:
    """Draft the message to send for one target company or one person.

    Parameters
    ----------
    plan
        The plan to draw from.
    target
        A target company (or one of its aliases), or a person's name or profile URL: someone
        you know at a target, someone you can be introduced to, or a connector. Case and
        accents do not matter; one word is enough when it names one person ("maya").
    via
        The connector to ask for an introduction. Without it, the best route is used.
    your_name
        How to sign; the plan owner's first name by default.

    Returns
    -------
    Draft
        To someone you know at the company: a referral request when they know you well
        (``ask == "referral"``), a short conversation otherwise, and for someone you have
        lost touch with a note that gives something and asks nothing big. Through a
        connector: a short request for one introduction, offering a blurb to forward.

    Raises
    ------
    NetgraphError
        When `target` or `via` names nobody in the plan, or several people; the message
        lists the closest names. Also when nobody reaches the target company.

    Examples
    --------
    >>> draft = draft_message(plan, target="Stripe", via="Sam Lee")  # doctest: +SKIP
    >>> draft.subject  # doctest: +SKIP
    'Would you introduce me to Dana Cohen?'
    """
    owner = c.text(plan.owner.name)
    signature = (your_name or "").strip() or (c.first_name(owner) if owner not in ("", "You") else "[your name]")
    if step is not None and step not in STEPS:
        raise NetgraphError(f"--step '{step}' is not a step; use one of {', '.join(STEPS)}")
    if step == "share-request":
        return _share_request(plan, via, signature)
    if target is None:
        raise NetgraphError("name a target company or person with --target")
    found = pick_one(target, _target_candidates(plan), what="target company or person")
    every = {t.company: t for t in c.targets(plan)}
    asks = c.connector_asks(plan)
    if found.kind == "company":
        company = every[found.key]
        actions = c.target_actions(plan, company, asks)
        best = c.best_action(plan, company, asks)
        if via is not None:
            actions = [a for a in actions if a.target is not None]
            action = _choose_via(via, actions, what=f"connector who reaches someone at {company.company}")
        elif step is None and (going := _thread_action(plan, company, actions)) is not None:
            action = going  # a thread under way at this company: its next step comes first
        elif best is not None:
            action = best  # the report's suggested ask: one ask per person at a time
        else:
            raise NetgraphError(f"nobody in your network reaches {company.company} yet; look for "
                                "classmates, former colleagues or people you met at events who work there")
        return _compose(plan, action, every[action.company], signature, step)
    if found.kind == "insider":
        if via is not None:
            raise NetgraphError(f"{found.name} is one of your own connections: write to them "
                                "directly and leave out --via")
        for t in every.values():
            for row in t.insiders:
                if c.text(row.get("person_id")) == found.key:
                    return _compose(plan, c.insider_action(row, t), t, signature, step)
    actions = [c.path_action(r, t, asks) for t in every.values() for r in t.intro_paths
               if c.text(r.get("target_id" if found.kind == "second" else "connector_id")) == found.key]
    if found.kind == "connector" and via is not None:
        raise NetgraphError(f"{found.name} is a connector: name the person or company you want to "
                            f"reach with --target, and {found.name} with --via")
    actions.sort(key=lambda a: (a.tier, -a.score, a.priority))
    if via is not None:
        action = _choose_via(via, actions, what=f"connector who knows {found.name}")
    elif actions:
        action = actions[0]
    else:  # pragma: no cover - a connector always reaches someone
        raise NetgraphError(f"no route to {found.name} in this plan")
    return _compose(plan, action, every[action.company], signature, step)


def _thread_action(plan: Plan, company: c.Target, actions: list[c.Action]) -> c.Action | None:
    """The action of the newest ledger thread at this company with a step due, if any."""
    threads = plan.threads
    if threads is None or threads.empty:
        return None
    due = threads.loc[threads["target"].eq(company.company) & threads["next_step"].ne("")]
    for person_id in due["person_id"]:
        for action in actions:
            if action.recipient_id == person_id:
                return action
    return None


def _compose(plan: Plan, action: c.Action, target: c.Target, signature: str, step: str | None) -> Draft:
    """The message for one step of the sequence with this person (the ledger's next one by default)."""
    step = step or choose_step(plan, action, ask_again_days=plan.weights.ask_again_days)
    if step == "ask":
        return _write(plan, action, target, signature)
    to = action.recipient["name"]
    if step == "follow-up":
        subject, body = follow_up(plan, action)
    elif step == "thank-you":
        subject, body = thank_you(plan, action)
    elif step == "to-them":
        to, subject, body = to_them(plan, action, target.titles)
    else:
        subject, body = report_back(plan, action)
    text = "\n\n".join([f"Hi {c.first_name(to)},", *body, f"Best,\n{signature}"]) + "\n"
    return Draft(recipient=to, subject=subject, body=text, step=step)


def _share_request(plan: Plan, via: str | None, signature: str) -> Draft:
    """Ask a friend among your connections to make a share pack for your targets."""
    if not via:
        raise NetgraphError("name the friend to ask with --via")
    G, owner = plan.G, plan.G.graph.get("owner")
    friends = [Candidate(_label(c.text(d.get("name")), c.text(d.get("company"))), c.text(d.get("name")), "person",
                         node, c.text(d.get("url"))) for node, d in G.nodes(data=True)
               if d.get("kind") == "person" and d.get("degree") == 1 and node != owner]
    friend = pick_one(via, friends, what="connection")
    tie = G.edges[owner, friend.key] if owner is not None and G.has_edge(owner, friend.key) else {}
    if tie.get("warmth", 0.0) < plan.weights.warm_warmth:
        raise NetgraphError(f"a share pack is a real favour, and {friend.name} is not someone you know well "
                            f"(warmth {tie.get('warmth', 0.0):.2f}); ask a friend you are in touch with")
    subject, body = share_request(plan, {"name": friend.name})
    text = "\n\n".join([f"Hi {c.first_name(friend.name)},", *body, f"Best,\n{signature}"]) + "\n"
    return Draft(recipient=friend.name, subject=subject, body=text, step="share-request")


def _choose_via(via: str, actions: list[c.Action], *, what: str) -> c.Action:
    candidates = [Candidate(_label(a.recipient["name"], a.recipient["company"]), a.recipient["name"],
                             "connector", a.recipient_id, a.recipient["url"] or "") for a in actions]
    chosen = pick_one(via, candidates, what=what)
    return next(a for a in actions if a.recipient_id == chosen.key)


# -- writing -----------------------------------------------------------------------------


def _role(plan: Plan, person_id: str, position: str, titles: tuple[str, ...]) -> str:
    """Their role at the target, as the scoring decided it (:mod:`netgraph.roles`)."""
    role = c.text(plan.G.nodes[person_id].get("role")) if person_id in plan.G else ""
    return role or classify_role(position, titles)


def _role_words(titles: tuple[str, ...]) -> str:
    if not titles:
        return ""
    return titles[0] if len(titles) == 1 else ", ".join(titles[:-1]) + " or " + titles[-1]


def _write(plan: Plan, action: c.Action, target: c.Target, signature: str) -> Draft:
    titles = target.titles
    person = action.recipient
    role = _role(plan, action.recipient_id, person["position"], titles)
    how = history(action, tie_evidence(plan, action.recipient_id), plan.as_of)
    if action.kind == "referral":
        subject, body = _referral(action, titles, how)
    elif action.kind == "conversation":
        subject, body = _conversation(action, titles, role, how)
    elif action.kind in ("reconnect", "reconnect_first"):
        subject, body = _reconnect(action, how)
    else:
        subject, body = _introduction(plan, action, target, how)
    greeting = f"Hi {c.first_name(person['name'])},"
    text = "\n\n".join([greeting, *body, f"Best,\n{signature}"]) + "\n"
    alternatives = _alternatives(plan, action, role, titles)
    return Draft(recipient=person["name"], subject=subject, body=text, alternatives=alternatives)


def _referral(action: c.Action, titles: tuple[str, ...], how: str) -> tuple[str, list[str]]:
    company = action.company
    role = _role_words(titles)
    wanted = f"a {role} role at {company}" if role else f"a role at {company}"
    subject = f"Would you refer me for {wanted}?"
    return subject, [
        opener(how),
        f"I'm applying for {wanted}, and since you know me and how I work, you're the first "
        "person I wanted to ask: would you be willing to refer me?",
        "To keep it quick for you, I can send my CV, the link to the posting and two or "
        "three lines on why I'd be a good fit.",
        "If the timing isn't right, no problem at all, and thank you either way.",
    ]


def _conversation(action: c.Action, titles: tuple[str, ...], role: str, how: str) -> tuple[str, list[str]]:
    company = action.company
    wanted = _role_words(titles)
    looking = f"{wanted} roles at {company}" if wanted else f"roles at {company}"
    position = action.recipient["position"]
    if role == "recruiter":
        return f"A question about {looking}", [
            opener(how),
            f"I'm looking at {looking}, and as {article(position)} {position} there you'd know how "
            "the hiring works and which teams are looking.",
            f"Would you have 20 minutes for a call about the open roles and how {company}'s process runs? "
            "I'll fit around your calendar.",
            "Thank you for considering it.",
        ]
    knows = {"hiring manager": "what your team looks for",
             "wanted title": "what the work is really like"}.get(role, f"what it's really like to work at {company}")
    inside = (f"As {article(position)} {position} there, you'd know {knows}." if position
              else f"You'd know {knows}.")
    return f"20 minutes about your work at {company}?", [
        opener(how),
        f"I'm looking at {looking}. {inside}",
        "Would you have 20 minutes in the next couple of weeks for a call or a coffee? "
        "I'll fit around your calendar.",
        "Thank you for considering it.",
    ]


def _reconnect(action: c.Action, how: str) -> tuple[str, list[str]]:
    person = action.recipient
    # someone you know at a target works there; a connector's employer is their own
    where = action.company if action.kind == "reconnect" else (person["company"] or action.company)
    at = f" at {where}" if where else ""
    if how in ("never talked", "new", "they invited", "you invited", "unanswered", "they wrote"):
        # nothing to re-connect with: an honest first hello, no request yet
        return "Hello", [
            opener(how),
            f"I'm curious how things are going for you{at}, and I'd be glad to hear what you're working on.",
            "No agenda beyond that: I hope to keep in touch.",
        ]
    first = {
        "classmate": f"It's been a long time since we studied together, and I've wondered how things are "
                     f"going for you{at}.",
        "colleague": f"It's been a long time since we worked together, and I've wondered how things are "
                     f"going for you{at}.",
    }.get(how, f"It's been a long time since we last talked, and I've wondered how things are "
                   f"going for you{at}.")
    return "Thought of you", [
        first,
        "How have you been? I'd love to hear what you're working on these days.",
    ]


def _is_top_choice(plan: Plan, action: c.Action) -> bool:
    """Whether this company is the one this person is asked about first this week."""
    for planned in plan.actions:
        if planned.recipient_id == action.recipient_id:
            return planned.company == action.company
    return action.priority == 1


def _introduction(plan: Plan, action: c.Action, target: c.Target, how: str) -> tuple[str, list[str]]:
    person = action.target or {}
    name, first = person.get("name", ""), c.first_name(person.get("name", ""))
    position = person.get("position", "")
    company = action.company
    role = _role_words(target.titles)
    goal = f"I'm looking for a new role as {article(role)} {role}" if role else "I'm looking for a new role"
    firsts = [t for t in c.targets(plan) if t.priority == 1]
    rank = ("is at the top of my list" if target.priority == 1 and len(firsts) == 1
            else "is high on my list" if target.priority == 1 and _is_top_choice(plan, action)
            else "is one of the companies I'd most like to join")
    job = f", who works there as {article(position)} {position}" if position else f", who works at {company}"
    G = plan.G
    if G.has_edge(action.recipient_id, action.target_id) and any(
            e.kind == "export_age" for e in G.edges[action.recipient_id, action.target_id].get("evidence", ())):
        # the tie comes from an old export: a guess, worded as one
        job = (f", who I believe works there as {article(position)} {position} (my information may be out of "
               "date)" if position else f", who I believe works at {company} (my information may be out of date)")
    why = {
        "recruiter": f"As a recruiter there, {first} would know where someone with my background could fit.",
        "wanted title": f"That's the kind of role I'm aiming for, so I'd love to hear how {first}'s work "
                        "looks day to day.",
        "hiring manager": f"{first} leads people there and would know what the team looks for.",
    }.get(_role(plan, action.target_id, position, target.titles),
          f"A conversation with {first} would help me understand {company} from the inside.")
    return f"Would you introduce me to {name}?", [
        opener(how),
        f"{goal}, and {company} {rank}. I noticed you're connected with {name}{job}. {why}",
        f"Would you be comfortable introducing me to {first}?",
        *_blurb_lines(plan, target.titles),
        "Thank you, I know you have plenty on your plate.",
    ]


def _blurb_lines(plan: Plan, titles: tuple[str, ...]) -> list[str]:
    """A blurb to forward, from your own export; the offer to write one when it says too little."""
    blurb = write_blurb(plan.me, looking_for=titles)
    if not blurb:
        return ["If it makes things easier, I'm happy to write a short blurb about myself that you can "
                "forward as it is."]
    return ["To make it easy, here is a short note about me you can forward as it is:", "> " + blurb]




def _alternatives(plan: Plan, action: c.Action, role: str, titles: tuple[str, ...]) -> tuple[str, ...]:
    company = action.company
    title = titles[0] if titles else ""
    meet = c.first_name((action.target or {}).get("name", "")) or "them"
    if action.kind == "introduction":
        return (
            f"Would you be happy to connect me with {meet} by e-mail?",
            "Are you going to any meetups or events soon? I'd love to come along.",
            f"Do you know who is hiring for {title} roles at {company}?" if title
            else f"Do you know who does the hiring at {company}?",
        )
    if action.kind in ("reconnect", "reconnect_first"):
        later = (f"would you introduce me to {meet} at {company}?" if action.kind == "reconnect_first"
                 else f"would you have 20 minutes to tell me about {company}?")
        return (
            "Send something useful to their work (an article, a talk, a tool) with one line on why it "
            "made you think of them.",
            "Offer to introduce them to someone in your network who could help with what they are working on.",
            f"Later, once they have answered: {later}",
        )
    if role == "recruiter":
        asks = [
            f"What do the {title}s who do well at {company} have in common?" if title
            else f"What do the people who do well at {company} have in common?",
            f"Which skills does {company} look for most when hiring{' ' + title + 's' if title else ''}?",
            f"Could we have a 30-minute call about open{' ' + title if title else ''} roles at {company}?",
        ]
    elif role == "wanted title":
        asks = [
            f"What do you enjoy most about your work at {company}?",
            "Would you look over my portfolio or GitHub projects and tell me what you'd change?",
            f"If you were me, how would you show {company} that I'm serious about this role?",
        ]
    elif role == "hiring manager":
        asks = [
            "What do the people who do well on your team have in common?",
            "Would you glance at my CV and tell me your first impression?",
            f"Is there a{'n' if title[:1].casefold() in 'aeiou' and title else ''} "
            f"{title + ' ' if title else ''}opening at {company} you'd point me to?",
        ]
    else:
        asks = [
            f"What is your favourite part of working at {company}?",
            "Would you look at my CV and tell me your first impression?",
            f"Which meetup or community would you suggest for someone who wants to join {company}?",
        ]
    if action.kind == "referral":
        asks.append(f"Does {company} have an employee referral program, and how does it work?")
    return tuple(asks)
