"""Question answering: typed queries and plain-English questions to ``Answer``s."""

from f1core.usecases.ask.answer_query import AnswerQuery
from f1core.usecases.ask.ask_question import AskQuestion
from f1core.usecases.ask.errors import QuestionRefusedError

__all__ = ["AnswerQuery", "AskQuestion", "QuestionRefusedError"]
