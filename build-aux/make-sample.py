#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write data/samples/kim-putin-vostochny.gloss: the sample article, annotated.

The annotations are listed below by the words they cover and a snippet of
context that occurs once in the article, so that the offsets (code points)
are computed, never typed. gloss-cli writes the file (`new`, then `import
--format native` of the annotated JSON), so its layout is the program's own.

    build-aux/make-sample.py GLOSS_CLI [--check]

--check writes to a temporary folder and fails when the result differs from
the file in data/samples/ (the suite runs it). The schema is left out of the
comparison: it travels with the file, and a change of the default schema's
colours or descriptions does not make the sample wrong.
"""

import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLES = os.path.join(ROOT, "data", "samples")
ARTICLE = os.path.join(SAMPLES, "kim-putin-vostochny.txt")
OUTPUT = os.path.join(SAMPLES, "kim-putin-vostochny.gloss")
STAMP = "2026-11-30T09:00:00Z"
AUTHOR = "Gloss sample"

# Entities: id, type, canonical name, knowledge-base id (only ids we are
# sure of), note.
ENTITIES = [
    ("kim", "PER", "Kim Jong Un", "wikidata:Q56226", None),
    ("putin", "PER", "Vladimir Putin", "wikidata:Q7747", None),
    ("russia", "GPE", "Russia", "wikidata:Q159", None),
    ("dprk", "GPE", "North Korea", "wikidata:Q423", None),
    ("ukraine", "GPE", "Ukraine", "wikidata:Q212", None),
    ("ussr", "GPE", "Soviet Union", "wikidata:Q15180", None),
    ("usa", "GPE", "United States", "wikidata:Q30", None),
    ("biden", "PER", "Joe Biden", "wikidata:Q6279", None),
    ("moscow", "GPE", "Moscow", "wikidata:Q649",
     "The Russian government, by metonymy"),
    ("pyongyang", "GPE", "Pyongyang", None, None),
    ("vostochny", "FAC", "Vostochny Cosmodrome", None, None),
    ("far-east", "LOC", "Russian Far East", None, None),
    ("komsomolsk", "GPE", "Komsomolsk-on-Amur", None, None),
    ("vladivostok", "GPE", "Vladivostok", None, None),
    ("seoul", "GPE", "Seoul", None, None),
    ("pak", "PER", "Pak Thae Song", None, None),
    ("kim-ms", "PER", "Kim Myong Sik", None, "Admiral of the North Korean navy"),
    ("jo", "PER", "Jo Chun Ryong", None, None),
    ("shoigu", "PER", "Sergei Shoigu", None, None),
    ("lavrov", "PER", "Sergei Lavrov", None, None),
    ("miller", "PER", "Matthew Miller", None, None),
    ("guterres", "PER", "Antonio Guterres", None, None),
    ("moon", "PER", "Moon Seong Mook", None, None),
    ("space-committee", "ORG", "Space science and technology committee of North Korea", None, None),
    ("state-dept", "ORG", "US State Department", None, None),
    ("unsc", "ORG", "UN Security Council", None, None),
    ("kremlin", "ORG", "Kremlin", None, "The Russian presidency"),
    ("krins", "ORG", "Korea Research Institute for National Strategy", None, None),
    ("missiles", "EQP", "Short-range ballistic missiles launched during the visit", None, None),
    ("spy-satellites", "EQP", "North Korean spy satellites", None, None),
    ("shells", "EQP", "North Korean artillery shells", None, None),
    ("train", "EQP", "Kim's armored train", None, None),
    ("wednesday", "DATE", "Wednesday (the day of the summit)", None, None),
]

# Mentions: entity id, the words, a snippet of context that holds them and
# occurs once in the article (None: the words themselves occur once), level.
MENTIONS = [
    # Kim Jong Un
    ("kim", "Kim", "North Korea’s Kim vows", "name"),
    ("kim", "North Korean leader", "with North Korean leader Kim", "nominal"),
    ("kim", "Kim Jong Un", None, "name"),
    ("kim", "Kim", "showed Kim around", "name"),
    ("kim", "Kim", "Kim, 39,", "name"),
    ("kim", "the North Korean leader", "aboard the North Korean leader", "nominal"),
    ("kim", "Kim", "Kim’s entourage", "name"),
    ("kim", "Kim", "Putin and Kim held", "name"),
    ("kim", "Kim", "Kim raised a glass", "name"),
    ("kim", "Kim", "Kim read from", "name"),
    ("kim", "Kim", "Kim added", "name"),
    ("kim", "Kim", "Putin and Kim called", "name"),
    ("kim", "Kim", "reminded Kim several", "name"),
    ("kim", "Kim", "Kim vowed", "name"),
    ("kim", "he", "what he called", "pronoun"),
    ("kim", "he", "he added", "pronoun"),
    ("kim", "Kim", "between Putin and Kim that", "name"),
    ("kim", "Kim", "help Kim develop", "name"),
    ("kim", "Kim", "said Kim now", "name"),
    ("kim", "Kim", "As Kim’s slow-moving", "name"),
    ("kim", "Kim", "while Kim was abroad", "name"),
    ("kim", "Kim", "Kim could have", "name"),
    # Vladimir Putin
    ("putin", "Putin", "support for Putin’s", "name"),
    ("putin", "Vladimir Putin", None, "name"),
    ("putin", "Putin", "handshake, Putin, 70", "name"),
    ("putin", "Putin", "Vostochny, Putin and Kim", "name"),
    ("putin", "Putin", "glass to Putin’s", "name"),
    ("putin", "Putin", "\nPutin and Kim called", "name"),
    ("putin", "the Russian leader", None, "nominal"),
    ("putin", "Putin", "between Putin and Kim", "name"),
    ("putin", "Putin", "Putin dropped", "name"),
    ("putin", "Putin", "Putin also claimed", "name"),
    ("putin", "Putin", "Putin replied", "name"),
    ("putin", "Putin", "Putin, however", "name"),
    ("putin", "he", "he said", "pronoun"),
    ("putin", "Putin", "Putin said Kim", "name"),
    ("putin", "Putin", "but Putin has", "name"),
    ("putin", "Putin", "point to Putin", "name"),
    # Russia
    ("russia", "Russia", "\nRussia’s Vladimir", "name"),
    ("russia", "Russia", "predicted Russia’s victory", "name"),
    ("russia", "Russia", "Far East Russia", "name"),
    ("russia", "Russia", "to Russia’s victory", "name"),
    ("russia", "Russia", "between Russia and North", "name"),
    ("russia", "Russia", "support” for Russia", "name"),
    ("russia", "Russia", "stand with Russia", "name"),
    ("russia", "Russia", "shipments to Russia", "name"),
    ("russia", "Russia", "Korea and Russia.", "name"),
    ("russia", "Russia", "Korea and Russia,", "name"),
    ("russia", "Russia", "replenish Russia’s", "name"),
    ("russia", "Russia", "where Russia is", "name"),
    ("russia", "Russia", "details. Russia’s Defense", "name"),
    ("russia", "Russia", "claimed Russia complied", "name"),
    ("russia", "Russia", "Russia is following", "name"),
    ("russia", "Russia", "Russia is a self-sufficient", "name"),
    ("russia", "Russia", "tour of Russia", "name"),
    ("russia", "Russia", "inspect Russia’s", "name"),
    ("russia", "Russia", "forests of Russia", "name"),
    ("russia", "a self-sufficient country", None, "nominal"),
    # North Korea
    ("dprk", "North Korea", "North Korea’s Kim vows", "name"),
    ("dprk", "North Korea", "help for North Korea’s", "name"),
    ("dprk", "North Korea", "that North Korea could", "name"),
    ("dprk", "North Korea", "backed North Korea", "name"),
    ("dprk", "North Korea", "bond between Russia and North Korea", "name"),
    ("dprk", "The Democratic People’s Republic of Korea", None, "name"),
    ("dprk", "North Korea", "between North Korea and Russia.", "name"),
    ("dprk", "North Korea", "between North Korea and Russia,", "name"),
    ("dprk", "North Korea", "\nNorth Korea is believed", "name"),
    ("dprk", "North Korea", "from North Korea,", "name"),
    ("dprk", "the rogue state", None, "nominal"),
    ("dprk", "North Korea", "feted in North Korea", "name"),
    ("dprk", "North Korea", "with North Korea must", "name"),
    ("dprk", "North Korea", "travel to North Korea", "name"),
    ("dprk", "North Korea", "Russia, North Korea launched", "name"),
    ("dprk", "the North", "by the North", "nominal"),
    ("dprk", "North Korea", "to Putin about North Korea’s", "name"),
    # Others
    ("ukraine", "Ukraine", "“evil” in Ukraine", "name"),
    ("ukraine", "Ukraine", "conflict in Ukraine", "name"),
    ("ukraine", "Ukraine", "on Ukraine’s front", "name"),
    ("ukraine", "Ukraine", "naming Ukraine", "name"),
    ("ukraine", "Ukraine", "fighting in Ukraine", "name"),
    ("ussr", "the Soviet Union", None, "name"),
    ("usa", "US", "\nUS officials", "name"),
    ("biden", "President Biden", None, "name"),
    ("moscow", "Moscow", "\nMoscow and Pyongyang", "name"),
    ("moscow", "Moscow", "if Moscow would", "name"),
    ("moscow", "Moscow", "that Moscow had", "name"),
    ("pyongyang", "Pyongyang", "Moscow and Pyongyang", "name"),
    ("pyongyang", "Pyongyang", "visit Pyongyang", "name"),
    ("pyongyang", "Pyongyang", "near Pyongyang", "name"),
    ("pyongyang", "Pyongyang", "away from Pyongyang", "name"),
    ("vostochny", "Vostochny Cosmodrome", None, "name"),
    ("vostochny", "the spaceport", None, "nominal"),
    ("vostochny", "the sprawling launch site", None, "nominal"),
    ("vostochny", "Vostochny", "visit to Vostochny", "name"),
    ("far-east", "Far East", "in Far East Russia", "name"),
    ("komsomolsk", "Komsomolsk-on-Amur", None, "name"),
    ("vladivostok", "Vladivostok", None, "name"),
    ("seoul", "Seoul", None, "name"),
    ("pak", "Pak Thae Song", None, "name"),
    ("pak", "chairman of North Korea’s space science and technology committee", None, "nominal"),
    ("kim-ms", "Admiral Kim Myong Sik", None, "name"),
    ("jo", "Jo Chun Ryong", None, "name"),
    ("jo", "a ruling party official in charge of munitions policies", None, "nominal"),
    ("shoigu", "Sergei Shoigu", None, "name"),
    ("shoigu", "Russia’s Defense Minister", None, "nominal"),
    ("lavrov", "Sergei Lavrov", None, "name"),
    ("lavrov", "Russian Foreign Minister", None, "nominal"),
    ("miller", "Matthew Miller", None, "name"),
    ("miller", "State Department spokesperson", None, "nominal"),
    ("guterres", "Antonio Guterres", None, "name"),
    ("guterres", "UN Secretary-General", None, "nominal"),
    ("guterres", "Guterres", "Guterres told", "name"),
    ("moon", "Moon Seong Mook", None, "name"),
    ("moon", "an analyst with the Seoul-based Korea Research Institute for National Strategy", None, "nominal"),
    ("space-committee", "North Korea’s space science and technology committee", None, "name"),
    ("state-dept", "State Department", None, "name"),
    ("unsc", "UN Security Council", None, "name"),
    ("unsc", "the Security Council", None, "name"),
    ("kremlin", "the Kremlin", None, "name"),
    ("krins", "Korea Research Institute for National Strategy", None, "name"),
    ("missiles", "ballistic missiles", "launching ballistic missiles", "nominal"),
    ("missiles", "two short-range ballistic missiles", None, "nominal"),
    ("missiles", "the launches", "ordered the launches", "nominal"),
    ("spy-satellites", "spy satellites", "launches of spy satellites", "nominal"),
    ("spy-satellites", "spy satellites", "acquire spy satellites", "nominal"),
    ("shells", "a huge stockpile of artillery shells", None, "nominal"),
    ("train", "the North Korean leader’s armored train", None, "nominal"),
    ("wednesday", "Wednesday", "Russia Wednesday", "name"),
    ("wednesday", "Wednesday", "display Wednesday", "name"),
]

# Claims: id, type, claimant, content fragments, cue fragments, about,
# certainty. Fragments are (words, context) as for mentions.
CLAIMS = [
    ("hint", "assertion", "putin",
     [("military cooperation was discussed", "hinted that military cooperation was discussed")],
     [("hinted", "Putin hinted")], ["russia", "dprk"], "hedged"),
    ("victory", "prediction", "kim",
     [("Russia’s victory in its “sacred fight” over “evil” in Ukraine", None)],
     [("predicted", None)], ["russia", "ukraine"], "asserted"),
    ("firmly-believe", "quote", "kim",
     [("I firmly believe that the heroic Russian army and people will brilliantly inherit their "
       "victories and traditions and vigorously demonstrate their noble dignity and honor on the two "
       "fronts of military operations and building a powerful nation", None)],
     [("read", "Kim read")], ["russia"], "asserted"),
    ("great-victory", "prediction", "kim",
     [("The Russian army and people will certainly win a great victory in the sacred struggle for "
       "the punishment of a great evil that claims hegemony and feeds an expansionist illusion", None)],
     [("added", "Kim added")], ["russia"], "asserted"),
    ("full-support", "promise", "kim",
     [("full and unconditional support", "vowed “full and unconditional support"),
      ("for Russia", "support” for Russia")],
     [("vowed", "Kim vowed")], ["russia"], "asserted"),
    ("stand-with-russia", "quote", "kim",
     [("The Democratic People’s Republic of Korea has always expressed its full and unconditional "
       "support for all measures taken by the Russian government, and I take this opportunity to "
       "reaffirm that we will always stand with Russia on the anti-imperialist front and the front "
       "of independence", None)],
     [("added", "he added")], ["russia", "dprk"], "asserted"),
    ("will-not-hesitate", "threat", "miller",
     [("We have taken a number of actions already to sanction entities that have brokered arms "
       "sales between North Korea and Russia, and we won’t hesitate to impose additional actions if "
       "appropriate", None)],
     [("said", "appropriate,” said")], ["dprk", "russia"], "asserted"),
    ("denied", "denial", "moscow",
     [("such plans", None)],
     [("officially denied", None)], ["russia", "dprk"], "denied"),
    ("complied", "assertion", "putin",
     [("Russia complied with international rules but that there were opportunities to explore", None)],
     [("claimed", "Putin also claimed")], ["russia"], "asserted"),
    ("why-we-came", "quote", "putin",
     [("That’s why we came here.", None)],
     [("replied", None)], ["kim", "dprk"], "asserted"),
    ("restrictions", "quote", "putin",
     [("There are certain restrictions, Russia is following all of them", None),
      ("There are things we can talk about, we’re discussing, thinking. Russia is a self-sufficient "
       "country, but there are things we can bring attention to, we’re discussing them.", None)],
     [("said", "he said")], ["russia"], "hedged"),
    ("tread-carefully", "threat", "guterres",
     [("Moscow had to tread carefully", None)],
     [("warned", "Guterres warned")], ["russia"], "asserted"),
    ("respect-sanctions", "threat", "guterres",
     [("Any form of cooperation of any country with North Korea must respect the sanctions regime "
       "that was imposed by the Security Council", None)],
     [("told", "Guterres told")], ["dprk"], "asserted"),
    ("lavrov-visit", "prediction", "kremlin",
     [("Russian Foreign Minister Sergei Lavrov will visit Pyongyang for additional talks next month", None)],
     [("said", "the Kremlin said")], ["lavrov", "pyongyang"], "asserted"),
    ("point-to-putin", "assertion", "moon",
     [("Kim could have ordered the launches to make a point to Putin about North Korea’s defense "
       "posture and show that he remains in control of the country’s military activities even while "
       "away from Pyongyang", None)],
     [("said", "Pyongyang, said")], ["kim", "putin"], "hedged"),
]

# Relations: id, type, from, to, evidence fragments.
RELATIONS = [
    ("kim-leads", "leader_of", "kim", "dprk", [("North Korean leader", "with North Korean leader Kim")]),
    ("putin-leads", "leader_of", "putin", "russia", [("the Russian leader", None)]),
    ("summit", "meets_with", "putin", "kim", [("his rare meeting with North Korean leader Kim Jong Un", None)]),
    ("allies", "allied_with", "russia", "dprk", [("The two allies", None)]),
    ("cosmodrome", "located_in", "vostochny", "far-east", [("Vostochny Cosmodrome in Far East Russia", None)]),
    ("pak-chairs", "leader_of", "pak", "space-committee",
     [("chairman of North Korea’s space science and technology committee", None)]),
    ("miller-state", "member_of", "miller", "state-dept", [("State Department spokesperson", None)]),
    ("moon-krins", "member_of", "moon", "krins",
     [("an analyst with the Seoul-based Korea Research Institute for National Strategy", None)]),
    ("krins-seoul", "located_in", "krins", "seoul", [("Seoul-based", None)]),
]


def locate(text, words, context):
    """The span of @words inside the one occurrence of @context."""
    context = context or words
    at = text.find(context)
    if at < 0 or text.find(context, at + 1) >= 0:
        sys.exit(f"make-sample: context {context!r} must occur exactly once")
    inner = context.find(words)
    if inner < 0:
        sys.exit(f"make-sample: {words!r} is not in {context!r}")
    start = at + inner
    return {"start": start, "end": start + len(words), "text": words}


def stamp(annotation):
    annotation.update({"status": "accepted", "author": AUTHOR, "created": STAMP, "modified": STAMP})
    return annotation


def annotate(doc):
    text = doc["document"]["text"]
    entities = []
    for eid, etype, name, kb, note in ENTITIES:
        entity = {"id": eid, "type": etype, "name": name}
        if kb:
            entity["kb"] = kb
        if note:
            entity["note"] = note
        entities.append(stamp(entity))
    types = {e[0]: e[1] for e in ENTITIES}
    mentions = []
    for n, (eid, words, context, level) in enumerate(MENTIONS, 1):
        mentions.append(stamp({"id": f"m{n}", "type": types[eid], "entity": eid,
                               "spans": [locate(text, words, context)],
                               "attrs": {"level": level}}))
    claims = []
    for cid, ctype, claimant, content, cue, about, certainty in CLAIMS:
        claims.append(stamp({"id": cid, "type": ctype, "claimant": claimant,
                             "spans": [locate(text, w, c) for w, c in content],
                             "cue": [locate(text, w, c) for w, c in cue],
                             "about": about, "certainty": certainty}))
    relations = []
    for rid, rtype, source, target, evidence in RELATIONS:
        relations.append(stamp({"id": rid, "type": rtype, "from": source, "to": target,
                                "evidence": [locate(text, w, c) for w, c in evidence]}))
    doc.update({"entities": entities, "mentions": mentions, "claims": claims,
                "relations": relations})
    doc["document"]["meta"] = {
        "note": "Annotated by hand as an example of what Gloss records; "
                "regenerate with build-aux/make-sample.py."
    }


def main():
    if len(sys.argv) not in (2, 3) or (len(sys.argv) == 3 and sys.argv[2] != "--check"):
        sys.exit(__doc__)
    cli, check = sys.argv[1], len(sys.argv) == 3
    with tempfile.TemporaryDirectory() as tmp:
        base = os.path.join(tmp, "base.gloss")
        annotated = os.path.join(tmp, "annotated.gloss")
        written = os.path.join(tmp, "kim-putin-vostochny.gloss")
        subprocess.run([cli, "new", ARTICLE, "-o", base], check=True)
        with open(base, encoding="utf-8") as f:
            doc = json.load(f)
        annotate(doc)
        with open(annotated, "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False)
        subprocess.run([cli, "import", "--format", "native", annotated, "-o", written], check=True)
        with open(written, "rb") as f:
            result = f.read()
    if check:
        with open(OUTPUT, "rb") as f:
            current = json.loads(f.read())
        generated = json.loads(result)
        for doc in (current, generated):
            doc.pop("schema")
        if current != generated:
            sys.exit(f"{OUTPUT} differs from what build-aux/make-sample.py writes: run it")
        print(f"{OUTPUT}: as generated")
        return
    with open(OUTPUT, "wb") as f:
        f.write(result)
    print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    main()
