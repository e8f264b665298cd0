"""Rule-based (offline) question interpreter: word lists and rules, no network."""

from adapters.rules.interpreter import RuleBasedQueryInterpreter

__all__ = ["RuleBasedQueryInterpreter"]
