"""The reports window: funnel, time in stage, sources and events, reasons, activity, value."""
