"""Stories: articles that report the same event become one story (`cluster`), told as a summary (`summarize`)."""
