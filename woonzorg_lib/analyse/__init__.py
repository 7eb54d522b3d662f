"""The analysis layer: one woonzorganalyse for one parameter set, from its inputs to its result.

- ``parameters``: the parameter contract (one pydantic model per notebook template);
- ``uitgangspunten``: the inputs of one analysis (defaults, invoerformat, taakstelling, mutatiegraad);
- ``doorrekenen``: ``analyseer``, the whole run, stage by stage (``tussenstand`` keeps stages for the explorer);
- ``verdelen``: the fair share of the region's task; ``controle``: what a run needs, checked before it starts;
- ``resultaat``: ``Analyse``, every table of the result;
- ``gevoeligheid``: the tornado of one analysis; ``invoercijfers``: the input figures of the Verantwoording;
- ``monitor``: the analysis against the one on the previous data edition;
- ``invoerformat``: the Excel workbook an analyst fills in with local figures.
"""
