"""The People & organisations tab: the registry shared by all four areas."""
