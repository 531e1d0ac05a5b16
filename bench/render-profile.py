#!/usr/bin/env python3
"""Where a rendered page's time goes: reads `jfr print --events jdk.ExecutionSample` output and sorts each sample of
a request thread by the outermost part of the request it is in (security filters, MVC, the controller and its
queries, the related and most-read blocks, the templates), printing a Markdown table of shares.
Usage: jfr print --stack-depth 120 --events jdk.ExecutionSample rec.jfr | bench/render-profile.py LABEL"""
import collections
import re
import sys

PARTS = [  # (name, a frame that puts the sample in it), checked in this order
    ("related stories (search index, then their summaries)", r"site\.internal\.RelatedBlock\.under"),
    ("most read (rankings, then their summaries)", r"site\.internal\.MostReadBlock\."),
    ("templates (jte, the page written out)", r"JteView|TemplateViews|^gg\.jte\."),
    ("controller: queries (H2/JDBC)", None),  # a controller sample under JDBC, H2 or the pool
    ("controller: the rest (view models, JSON-LD, body, keys)", r"site\.internal\.SiteController\."),
    ("MVC dispatch (mapping, arguments, view resolution)", r"DispatcherServlet|FrameworkServlet"),
    ("security filter chain", r"springframework\.security\.web\.FilterChainProxy"),
    ("Jetty, servlet and the other filters", r""),
]
JDBC = r"^org\.h2\.|^com\.zaxxer|^org\.springframework\.jdbc|^org\.postgresql"

label = sys.argv[1] if len(sys.argv) > 1 else ""
counts = collections.Counter()
threads = 0
for event in sys.stdin.read().split("jdk.ExecutionSample {")[1:]:
    trace = re.search(r"stackTrace = \[(.*?)\n\s*\]", event, re.S)
    thread = re.search(r'sampledThread = "([^"]*)"', event)
    if not trace or not thread:
        continue
    frames = [re.sub(r"\s+line:.*$", "", f.strip()) for f in trace.group(1).split("\n") if f.strip() not in ("", "...")]
    if not thread.group(1).startswith("qtp"):
        threads += 1
        continue
    for name, pattern in PARTS:
        if pattern is None:
            if any(re.search(r"site\.internal\.SiteController\.", f) for f in frames) \
                    and any(re.search(JDBC, f) for f in frames):
                break
        elif any(re.search(pattern, f) for f in frames):
            break
    counts[name] += 1
total = sum(counts.values())
print(f"\n| part of the request ({label}) | share of request-thread samples |")
print("|---|---:|")
for name, _ in PARTS:
    print(f"| {name} | {100 * counts[name] / max(total, 1):.1f} % |")
print(f"| (samples: {total} on request threads, {threads} on others) | |")
