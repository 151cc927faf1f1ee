"""The time axis of the timeline page: stacked bars of event counts per bucket and channel, as
SVG geometry computed here so the page draws it without JavaScript."""
from ..models import CHANNELS

# Okabe-Ito: told apart with the common colour-vision deficiencies; every bar also has a text twin
# (the table under the chart), so colour is never the only way to read it
PALETTE = ("#0072B2", "#56B4E9", "#009E73", "#E69F00", "#CC79A7", "#D55E00", "#F0E442", "#444444")
# a channel added to the registry past the palette is drawn grey until it gets a colour of its own
COLOURS = {name: PALETTE[i] if i < len(PALETTE) else "#8c8c8c" for i, name in enumerate(CHANNELS)}
WIDTH, HEIGHT, LEFT, BOTTOM, TOP = 800, 180, 36, 28, 10
LABELS_MAX = 8


def label(start, interval):
    if interval == "year":
        return f"{start:%Y}"
    if interval == "month":
        return f"{start:%b %Y}"
    return start.isoformat()


def geometry(counts):
    """Bars (x, width, stacked segments), tick labels and the y scale for channel_counts' result."""
    buckets = counts["buckets"]
    if not buckets:
        return None
    plot_width, plot_height = WIDTH - LEFT - 4, HEIGHT - BOTTOM - TOP
    highest = max(bucket["total"] for bucket in buckets) or 1
    step = plot_width / len(buckets)
    bars = []
    for index, bucket in enumerate(buckets):
        y, segments = TOP + plot_height, []
        for channel in CHANNELS:
            n = bucket["counts"].get(channel, 0)
            if n:
                height = plot_height * n / highest
                y -= height
                segments.append({"channel": channel, "count": n, "y": round(y, 2), "height": round(height, 2),
                                 "colour": COLOURS[channel]})
        bars.append({"x": round(LEFT + index * step + step * 0.1, 2), "width": round(max(step * 0.8, 1), 2),
                     "segments": segments, "bucket": bucket})
    every = max(1, -(-len(buckets) // LABELS_MAX))
    ticks = [{"x": round(LEFT + index * step + step / 2, 2), "text": label(bucket["start"], counts["interval"])}
             for index, bucket in enumerate(buckets) if index % every == 0]
    return {"width": WIDTH, "height": HEIGHT, "left": LEFT, "top": TOP, "baseline": TOP + plot_height,
            "highest": highest, "bars": bars, "ticks": ticks, "label_y": HEIGHT - 8,
            "channels": [c for c in CHANNELS if any(b["counts"].get(c) for b in buckets)]}
