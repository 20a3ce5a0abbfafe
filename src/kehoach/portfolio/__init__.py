"""Many plans in one repository: a *portfolio*.

Layout (see :mod:`kehoach.portfolio.layout`)::

    kehoach.yaml      # the office, report header and signer, cut-off mode, lead time
    bodies.yaml       # the shared body registry: one id per body across all plans
    events.yaml       # shared events: one directive can unblock tasks in several plans
    plans/<plan-id>/  # each a plan directory exactly as a lone plan

A plan inside a portfolio is loaded with the shared registries merged into its own
(:func:`kehoach.loaded_plan.load_plan` does it); a lone plan directory works as before.
Modules: ``layout`` (discovery), ``config`` (kehoach.yaml), ``shared`` (shared
registries), ``names`` (matching body names), ``load`` (the portfolio), ``checks``
(cross-plan validation), ``init`` (``kehoach init``), ``importing`` (``import --into``).
Nothing here prints or exits.
"""
