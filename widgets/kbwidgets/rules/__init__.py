"""The help centre's rules as pure functions: what the source articles say, computed.

Memory allocation (`memory`, `units`), the temporary-access timeline (`access_timeline`,
`access`), the tws.vmoptions fixer (`vmoptions`) and how readers write dates (`dates`). No
views here: widgets turn these answers into views, the CLI into JSON.
"""
