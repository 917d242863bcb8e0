"""Denials of any weakness: "the model had no real limitations", "nothing I'd change".

A denial is a claim about the whole project, so a sentence that goes on to a contrast is not
one ("nothing went wrong for three weeks; then the schema changed", "compute wasn't a real
limitation, but label noise was"). Phrases live in ``data/checks.yaml`` (``weakness_denials``,
``denial_contrasts``). A denial never counts as reflection, and it is what ``no_weakness``
quotes.
"""

from __future__ import annotations

from deepdive.datafiles import phrase_list


def denies_weakness(text: str) -> bool:
    """True when ``text`` claims the work had no weakness, with no contrast after the claim."""
    found = phrase_list("weakness_denials").search(text)
    if found is None:
        return False
    rest = text[found.end() :]
    if ";" in rest:  # "...; labelled data was scarce" contrasts, "...; the data was clean" does not
        before, after = rest.split(";", 1)
        if phrase_list("denial_contrasts").search(before):
            return False
        return denies_weakness(after) or not (
            phrase_list("denial_contrasts").search(after)
            or phrase_list("weakness_after_denial").search(after)
        )
    return phrase_list("denial_contrasts").search(rest) is None


def answers_no(question: str, reply: str) -> bool:
    """ "Were there limitations?" answered "Not really." — and nothing after the no."""
    if not question.rstrip().endswith("?") or not phrase_list("weakness_questions").search(
        question
    ):
        return False
    reply = reply.lstrip(" \"'*-")
    found = phrase_list("negative_replies").match(reply)
    rest = reply[found.end() :] if found else ""
    if found is None or ";" in rest or phrase_list("denial_contrasts").search(rest):
        return False
    return not reply.lower().startswith(("no question", "no doubt"))
