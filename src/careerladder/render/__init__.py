"""Renderers: turn stored or built roles into files people read (summary, site, exports)."""
