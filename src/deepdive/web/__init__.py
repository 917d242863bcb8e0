"""The local web app (``deepdive serve``): practise, feedback, drill, history, JSON API."""
