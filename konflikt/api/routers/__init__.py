"""One router per resource: events, articles, actors, stats, downloads, reviews."""
