"""How a widget is made: the parts every widget shares, and nothing about any one widget.

- `widget`: the Widget base class, the reader's Env, and the registry;
- `view`: the safe view language (a JSON tree) and its HTML renderer;
- `forms`: form controls (text fields, choices, buttons) built in one place;
- `texts` and `errors`: interface texts by key, and errors a reader can cause;
- `tree` and `tree_widget`: decision trees as data, and the widget that walks one.
"""
