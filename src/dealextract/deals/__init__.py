"""Deal assembly: frames of deal language over the entities earlier components found."""
