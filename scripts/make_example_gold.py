"""Build examples/gold.jsonl from substring annotations (run by hand when examples change)."""
import json, os

os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "examples"))
def sp(text, s, after=0):
    i = text.index(s, after)
    return {"start": i, "end": i + len(s), "text": s}
def nearest(text, s, anchor, after):
    """The occurrence of s (at or after `after`) closest to the source it belongs to."""
    starts, i = [], text.find(s, after)
    while i >= 0:
        starts.append(i); i = text.find(s, i + 1)
    i = min(starts, key=lambda i: min(abs(i + len(s) - anchor[0]), abs(i - anchor[1])))
    return {"start": i, "end": i + len(s), "text": s}
def att(text, source, cue, content, kind, quote, after=0, note=None):
    src = sp(text, source, after) if source else None
    d = {"source": src,
         "cue": nearest(text, cue, (src["start"], src["end"]) if src else (after, after), after), "content": sp(text, content, after) if content else None,
         "source_kind": kind, "quote": quote, "researcher": False}
    if note: d["note"] = note
    return d
out = []
t = open("seed-style.txt", encoding="utf-8").read()
A = lambda *a, **k: att(t, *a, **k)
out.append({"id": "example-seed-style", "text": t, "annotated": ["unnamed-source", "paraphrased-quote", "named-researcher"],
  "attributions": [
    A("Lebanese media reports", "According to", "the Cedar Brigade is using the lull in the fighting to move weapons across the southern border", "unnamed", "indirect"),
    A("the Israeli military", "said that", "its jets hit “weapons depots and launch sites belonging to the Cedar Brigade and its partners.”", "named_org", "mixed"),
    A("The statement", "also claimed that", "the sites had been used to fire rockets at northern towns earlier in the month", "document", "indirect"),
    A("local media", "according to", "Two civilians were killed and eleven were wounded in the strikes", "unnamed", "indirect"),
    A("The militia", "saying that", "it would respond “at the time and place of its choosing.”", "named_org", "mixed", note="anaphora: the Cedar Brigade"),
    A("A spokesman for the Lebanese army", "described them as", "“a flagrant violation of Lebanon’s sovereignty and of the ceasefire agreement.”", "title_only", "mixed"),
    A("US envoy Mark Dalton", "said that", "the strikes were “a matter for the parties,”", "named_person", "mixed"),
    A("US envoy Mark Dalton", "insisting", "“the United States wants calm on every front.”", "named_person", "direct"),
    A("Recent reports", "also suggest that", "the militia has rebuilt much of its arsenal since the autumn", "unnamed", "indirect"),
    A("An intelligence source", "told the Al-Akhbar newspaper that", "convoys had crossed from Syria “almost every night for a month.”", "unnamed", "mixed"),
    A("Sarah Haddad", "wrote in Foreign Affairs on 3 March that", "“the group has never been weaker and that its leaders know it.”", "named_person", "mixed"),
    A(None, "It is understood", "that mediators from Qatar and Egypt are preparing a new proposal", "unnamed", "indirect"),
  ],
  "researchers": [{"name": sp(t, "Sarah Haddad"), "descriptor": sp(t, "Washington-based Lebanon analyst"),
                   "venue": sp(t, "Foreign Affairs"), "date": sp(t, "3 March")}]})
out[-1]["attributions"][9]["researcher"] = False
out[-1]["attributions"][10]["researcher"] = True
t = open("wire-style.txt", encoding="utf-8").read()
A = lambda *a, **k: att(t, *a, **k)
out.append({"id": "example-wire-style", "text": t, "annotated": ["unnamed-source", "paraphrased-quote", "named-researcher"],
  "attributions": [
    A("the company", "said", "Britain's largest water company will raise bills by 9% next year", "named_org", "indirect"),
    A("Chief executive Helen Marsh", "told", "the increase was \"painful but unavoidable\" and that the firm would protect low-income customers", "named_person", "mixed"),
    A("Marsh", "said", "\"We have underinvested for two decades, and our customers are now paying for it,\"", "named_person", "direct", after=t.index("\"We have")),
    A("A person familiar with the regulator's thinking", "said", "it was likely to approve a smaller rise", "unnamed", "indirect"),
    A("Officials at the Treasury", "have privately warned", "further increases could add to inflation", "unnamed", "indirect"),
    A("two sources", "said", "Officials at the Treasury have privately warned ministers that further increases could add to inflation", "unnamed", "indirect"),
    A("Economist Tom Okafor of the Resolution Foundation", "said", "the rise would hit poorer households hardest", "named_person", "indirect"),
    A("he", "said", "\"Water is a bigger share of their budgets,\"", "named_person", "direct", after=t.index("Water is") - 1),
    A(None, "reportedly", "because investors had expected a larger increase", "unnamed", "indirect"),
  ],
  "researchers": [{"name": sp(t, "Tom Okafor"), "descriptor": sp(t, "Economist"), "affiliation": sp(t, "the Resolution Foundation")}]})
t = open("clean.txt", encoding="utf-8").read()
A = lambda *a, **k: att(t, *a, **k)
out.append({"id": "example-clean", "text": t, "annotated": ["unnamed-source", "paraphrased-quote", "named-researcher"],
  "attributions": [A("councillor Priya Nair", "said", "\"This is the safest choice for every family in the city,\"", "named_person", "direct")],
  "researchers": []})
for a in out:
    for at in a["attributions"]:
        for k in ("source", "cue", "content"):
            if at[k]: assert a["text"][at[k]["start"]:at[k]["end"]] == at[k]["text"]
with open("gold.jsonl", "w", encoding="utf-8") as f:
    for a in out: f.write(json.dumps(a, ensure_ascii=False) + "\n")
print(len(out))
