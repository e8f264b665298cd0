"""OpenAI adapters: the chat-completions API (OpenAI or any compatible server) as a
query interpreter and an answer phraser."""

from .answer_phraser import OpenAIAnswerPhraser
from .query_interpreter import OpenAIQueryInterpreter

__all__ = ["OpenAIAnswerPhraser", "OpenAIQueryInterpreter"]
