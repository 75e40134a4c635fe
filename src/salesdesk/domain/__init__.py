"""Pure domain model: entities, rules and maths. Standard library only (numpy allowed)."""
