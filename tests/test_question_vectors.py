"""Questions read by meaning."""

from __future__ import annotations

from deepdive.bank import Question, shipped
from deepdive.question_vectors import QuestionVectors, question_texts


def _question(ident: str, text: str, topics: tuple[str, ...]) -> Question:
    base = shipped()[0]
    return Question(**{**base.__dict__, "id": ident, "text": text, "topics": topics})


def test_a_question_is_read_as_its_text_topics_and_other_names() -> None:
    q = next(q for q in shipped() if q.id == "br-overfitting")
    texts = question_texts(q)
    assert texts[0] == q.text and " ".join(q.topics) in texts and len(texts) > 2


def test_closeness_ranks_the_question_a_description_is_about() -> None:
    questions = [
        _question("x-overfit", "What is overfitting and how do you detect it?", ("overfitting",)),
        _question("x-resume", "How do you write a resume for a data job?", ("career",)),
        _question("x-empty", "?", ()),
    ]
    close = QuestionVectors(questions).closeness(
        "my model is great on the examples it learned from but poor on new ones"
    )
    assert close.shape == (3,)
    assert close[0] > close[1]
