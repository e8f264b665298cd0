"""Question kinds: one module per kind of question the system answers.

A kind module owns its query variant (``...Query``), the computation (a call into
``f1core.analysis`` or the archive port), the result, the one paragraph writer, the chart,
and the offline interpreter's cues. ``f1core.kinds.registry`` lists the kinds; the query
union, its JSON schema, the CLI, the HTTP routes, the notebook and the interpreters derive
their lists from it.
"""
