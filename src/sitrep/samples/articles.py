"""The synthetic demo corpus, as data: (id, published, source, title, body).

Every incident here is invented for sitrep's demo and tests (see README.md).
`python -m sitrep.samples.articles` rewrites corpus.jsonl from this list.
"""

from __future__ import annotations

import json
from pathlib import Path

ARTICLES: list[tuple[str, str, str, str, str]] = [
    # --- one invented IED attack near Tarmiyah, three reports ---
    ("tarmiyah-ied-1", "2025-03-04", "Synthetic Wire",
     "Roadside bomb kills three Iraqi soldiers north of Baghdad",
     "A roadside bomb struck an Iraqi army patrol near Tarmiyah on Monday, killing three soldiers and wounding "
     "two others, security sources said.\n\nNo group claimed responsibility, but Islamic State cells remain "
     "active in the orchards around the town."),
    ("tarmiyah-ied-2", "2025-03-04", "Synthetic Daily",
     "IED attack on army convoy in Salah al-Din",
     "Three members of the Iraqi army were killed when an improvised explosive device detonated under their "
     "vehicle in the Tarmiyah district on Monday, 3 March.\n\nAn officer said the device had been planted "
     "overnight by suspected ISIS militants."),
    ("tarmiyah-ied-3", "2025-03-05", "Synthetic Times",
     "Bomb blast near Tarmiyah",
     "Suspected Islamic State militants detonated a bomb near Tarmiyah on Monday, killing 3 Iraqi soldiers, "
     "according to a military statement released on Tuesday."),
    # nearby but different: a later clash in the same district
    ("tarmiyah-clash", "2025-03-12", "Synthetic Wire",
     "Army and militants clash in Tarmiyah orchards",
     "Iraqi forces clashed with Islamic State militants in the orchards east of Tarmiyah on Tuesday. "
     "Two militants were killed in the fighting, the army said."),
    # --- Mali: one invented attack, two reports ---
    ("boni-attack-1", "2025-05-19", "Synthetic Sahel Desk",
     "Militants attack army post in central Mali",
     "JNIM fighters attacked a Malian army post near Boni on Sunday, killing 11 soldiers, local officials "
     "said.\n\nThe Malian armed forces said they repelled the assault and killed several attackers."),
    ("boni-attack-2", "2025-05-20", "Synthetic Africa Report",
     "Jihadists storm military camp in Mopti region",
     "Fighters of the al-Qaeda-linked JNIM stormed a military camp near Boni in the Mopti region on Sunday. "
     "At least nine soldiers were killed, a security source said, while the army spoke of heavy losses on "
     "the attackers' side."),
    # --- Nigeria: abduction, two reports ---
    ("zamfara-abduction-1", "2025-02-11", "Synthetic Wire",
     "Gunmen abduct students in Zamfara",
     "Gunmen abducted 23 students from a boarding school in Kaura Namoda in Zamfara state on Monday night, "
     "police said.\n\nResidents said the attackers arrived on motorcycles and fired into the air."),
    ("zamfara-abduction-2", "2025-02-12", "Synthetic Lagos Post",
     "Bandits kidnap pupils from Kaura Namoda school",
     "Armed bandits kidnapped more than twenty pupils from a secondary school in Kaura Namoda, Zamfara, late "
     "on Monday. The state police commissioner said a rescue operation was under way."),
    # --- Kenya: protests, two reports ---
    ("nairobi-protest-1", "2025-06-26", "Synthetic East Africa",
     "Thousands protest tax bill in Nairobi",
     "Thousands of protesters marched through central Nairobi on Wednesday against a proposed finance bill. "
     "Police fired tear gas to disperse demonstrators near parliament."),
    ("nairobi-protest-2", "2025-06-26", "Synthetic Wire",
     "Police use tear gas on Nairobi demonstrators",
     "Kenyan police used tear gas and water cannon against demonstrators in Nairobi on Wednesday as crowds "
     "protested against new taxes, witnesses said."),
    # --- Somalia: car bomb, two reports ---
    ("mogadishu-vbied-1", "2025-01-15", "Synthetic Horn Desk",
     "Car bomb hits Mogadishu checkpoint",
     "A car bomb exploded at a checkpoint near the presidential palace in Mogadishu on Tuesday, killing at "
     "least five people, police said. Al-Shabaab claimed the attack."),
    ("mogadishu-vbied-2", "2025-01-15", "Synthetic Wire",
     "Al-Shabaab claims Mogadishu suicide car bombing",
     "Al-Shabaab said one of its fighters drove an explosives-laden car into a security checkpoint in "
     "Mogadishu on Tuesday. Officials said seven people, including four soldiers, were killed."),
    # --- singles across the taxonomy ---
    ("anbar-operation", "2025-04-08", "Synthetic Wire",
     "Iraqi forces and tribes launch desert sweep in Anbar",
     "Iraqi security forces backed by the Popular Mobilization Forces launched an operation with local "
     "tribes against Islamic State hideouts in the Anbar desert on Saturday, the Joint Operations Command "
     "said. Officials said the sweep would continue for several days."),
    ("ramadi-arrests", "2025-04-10", "Synthetic Daily",
     "Police arrest five suspects in Ramadi",
     "Iraqi police arrested five suspected Islamic State members in Ramadi on Wednesday, seizing weapons "
     "and explosives, the interior ministry said."),
    ("idlib-airstrike", "2025-02-20", "Synthetic Levant",
     "Airstrikes hit villages in Idlib",
     "Russian warplanes carried out airstrikes on the village of Kafr Nabl in southern Idlib on Wednesday, "
     "killing four civilians, rescuers said."),
    ("deir-ez-zor-clash", "2025-07-03", "Synthetic Levant",
     "SDF and tribal fighters clash in Deir ez-Zor",
     "Fighting broke out between the Syrian Democratic Forces and Arab tribal fighters in the town of "
     "Thiban in Deir ez-Zor province on Thursday. Six fighters were killed on both sides, a monitor said."),
    ("kharkiv-shelling", "2025-03-21", "Synthetic Europe Desk",
     "Russian shelling kills two in Kharkiv region",
     "Russian forces shelled the town of Kupiansk in Kharkiv region on Friday, killing two civilians and "
     "damaging a school, the regional governor said."),
    ("zaporizhzhia-drone", "2025-05-02", "Synthetic Europe Desk",
     "Drone attack on Zaporizhzhia",
     "A Russian drone struck a residential building in Zaporizhzhia overnight, killing one woman, "
     "Ukrainian officials said on Friday."),
    ("hodeidah-strike", "2025-08-09", "Synthetic Gulf Report",
     "Airstrike hits port area in Hodeidah",
     "An airstrike hit the port area of Hodeidah on Saturday, the Houthi-run health ministry said, adding "
     "that three dock workers were killed."),
    ("marib-front", "2025-06-14", "Synthetic Gulf Report",
     "Houthis and government forces fight near Marib",
     "Houthi fighters clashed with Yemeni government forces west of Marib city on Friday. Military sources "
     "said 14 fighters were killed in the battle."),
    ("kabul-explosion", "2025-09-05", "Synthetic Asia Wire",
     "Explosion at Kabul mosque",
     "A suicide bomber blew himself up inside a mosque in Kabul during Friday prayers, killing 12 worshippers, "
     "Taliban officials said. Islamic State Khorasan Province claimed the bombing."),
    ("quetta-protest", "2025-10-02", "Synthetic Asia Wire",
     "Traders rally peacefully in Quetta",
     "Hundreds of traders held a peaceful protest in Quetta on Thursday against power cuts, blocking a main "
     "road for two hours before dispersing."),
    ("myanmar-town", "2025-01-28", "Synthetic Asia Wire",
     "Arakan Army takes control of town in Rakhine",
     "The Arakan Army said on Tuesday it had captured the town of Ann in Rakhine state after weeks of "
     "fighting with the Myanmar military, which withdrew its troops."),
    ("sagaing-airstrike", "2025-04-17", "Synthetic Asia Wire",
     "Military airstrike on Sagaing village",
     "A Myanmar military jet bombed a village in Sagaing region on Wednesday, killing eight villagers, "
     "according to local resistance forces."),
    ("goma-m23", "2025-01-27", "Synthetic Great Lakes",
     "M23 rebels enter Goma",
     "M23 rebels entered the city of Goma in North Kivu on Monday after clashes with the Congolese army, "
     "residents said. Dozens of people were killed in the fighting."),
    ("ituri-adf", "2025-07-28", "Synthetic Great Lakes",
     "ADF attack on church in Ituri",
     "ADF militants attacked a church in Komanda in Ituri province on Sunday, killing 21 worshippers with "
     "machetes and guns, local officials said."),
    ("khartoum-rsf", "2025-03-26", "Synthetic Sudan Desk",
     "Sudanese army retakes presidential palace",
     "The Sudanese Armed Forces recaptured the presidential palace in Khartoum from the Rapid Support Forces "
     "on Friday after heavy fighting, the army said."),
    ("el-fasher-attack", "2025-05-11", "Synthetic Sudan Desk",
     "RSF shelling hits El Fasher market",
     "The Rapid Support Forces shelled a market in El Fasher in North Darfur on Saturday, killing 10 "
     "civilians, activists said."),
    ("ouaga-agreement", "2025-09-18", "Synthetic Sahel Desk",
     "Burkina Faso signs accord with local defence volunteers",
     "The government of Burkina Faso signed an agreement with leaders of the Volunteers for the Defence of "
     "the Homeland in Ouagadougou on Wednesday to place the militias under army command."),
    ("maiduguri-riot", "2025-08-21", "Synthetic Lagos Post",
     "Youths riot in Maiduguri after killing",
     "Angry youths set fire to a police station and blocked roads in Maiduguri on Thursday after a trader "
     "was killed, police said. No one was hurt in the riot."),
    ("mexico-cartel", "2025-06-05", "Synthetic Americas",
     "Cartel gunmen kill police officers in Michoacan",
     "Gunmen from the Jalisco New Generation Cartel ambushed a police patrol in Aguililla, Michoacan, on "
     "Wednesday, killing four officers, state authorities said."),
    ("colombia-eln", "2025-02-03", "Synthetic Americas",
     "ELN and FARC dissidents clash in Catatumbo",
     "Fighters of the National Liberation Army clashed with FARC dissidents near Tibu in Norte de Santander "
     "on Sunday, leaving 9 combatants dead, the army said."),
    ("baghdad-protest", "2025-10-01", "Synthetic Daily",
     "Graduates protest in Baghdad's Tahrir Square",
     "Hundreds of unemployed graduates protested in Tahrir Square in Baghdad on Tuesday demanding jobs. "
     "Security forces beat protesters with batons and detained several of them."),
    ("basra-riot", "2025-07-19", "Synthetic Daily",
     "Protesters storm government building in Basra",
     "Protesters angry at electricity cuts stormed the provincial council building in Basra on Friday, "
     "setting part of it on fire and throwing stones at police."),
    ("kirkuk-threat", "2025-05-07", "Synthetic Wire",
     "Tribal leader warns of action in Kirkuk",
     "A tribal leader in Hawija warned on Tuesday that if the government did not act, his fighters would "
     "attack Islamic State hideouts themselves. No operation has taken place so far."),
    ("sinjar-drone", "2025-06-17", "Synthetic Wire",
     "Turkish drone strike in Sinjar",
     "A Turkish drone struck a vehicle near Sinjar in Nineveh province on Monday, killing two members of a "
     "PKK-affiliated group, local officials said."),
    ("mosul-hq", "2025-11-03", "Synthetic Wire",
     "New army base opens in Mosul",
     "The Iraqi army opened a new headquarters for its operations command in Mosul on Sunday, officials "
     "said, as part of a reorganisation of forces in Nineveh."),
    ("gao-looting", "2025-10-14", "Synthetic Sahel Desk",
     "Armed men loot warehouse in Gao",
     "Armed men looted a food aid warehouse in Gao on Monday night, taking sacks of grain and fuel, "
     "humanitarian workers said. No one was hurt."),
    ("somalia-transfer", "2025-12-02", "Synthetic Horn Desk",
     "Ethiopian troops hand over base to Somali army",
     "Ethiopian troops handed over a military base in Baidoa to the Somali National Army on Monday without "
     "incident, as part of the drawdown of African Union forces."),
    ("tripoli-clash", "2025-09-09", "Synthetic Levant",
     "Armed groups clash in Tripoli suburb",
     "Rival armed groups clashed with heavy weapons in the Tajoura suburb of Tripoli on Monday night, killing "
     "three fighters, the health ministry said."),
]


def records() -> list[dict[str, object]]:
    return [
        {
            "id": aid,
            "title": title,
            "source": source,
            "url": f"https://example.org/synthetic/{aid}",
            "published": published,
            "text": f"{title}\n\n{body}",
            "synthetic": True,
        }
        for aid, published, source, title, body in ARTICLES
    ]


def write_corpus(path: Path | None = None) -> Path:
    target = path or Path(__file__).with_name("corpus.jsonl")
    with open(target, "w", encoding="utf-8") as f:
        for record in records():
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return target


if __name__ == "__main__":
    print(write_corpus())
