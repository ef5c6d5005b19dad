"""Classes of language for officials and countries: each class several phrasings plus near-misses.

The sentences are written for these tests (not taken from the corpus). People and places are read
straight from the stages (find_people, find_places), so the tests do not depend on other stages.
"""

from __future__ import annotations

import pytest

from bot.detect.people import find_people
from bot.detect.places import countries_and_regions, find_places
from bot.detect.text import build_doc


def names(text: str = "", title: str = "") -> list[str]:
    return [p.name for p in find_people(build_doc(title, text))]


def countries(text: str = "", title: str = "") -> list[str]:
    return countries_and_regions(find_places(build_doc(title, text)))[0]


# --- 1. headline title case: the words after a name are not part of it ----------------------------


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("Sen. Ron Johnson Loses It on 'Meet the Press'", ["Ron Johnson"]),
        ("Secretary Kerry Announces UN Ceasefire Agreement Between Israel and Hamas", ["John Kerry"]),
        ("President Joe Biden Says Talks With Xi Went Well", ["Joe Biden", "Xi Jinping"]),
        ("Foreign Minister Eka Tkeshelashvili Meets Rice in Tbilisi", ["Eka Tkeshelashvili"]),
        ("Prime Minister Ahmed Khalil Visits Cairo Amid Tensions", ["Ahmed Khalil"]),
        ("President Ruto Meets Opposition Leaders in Nairobi", ["William Ruto"]),
        ("Defense Minister Karl Hoffmann Warns of Long War", ["Karl Hoffmann"]),
        ("Ambassador Maria Lopez Urges Calm After Border Clash", ["Maria Lopez"]),
    ],
)
def test_headline_verbs_end_the_name(headline: str, expected: list[str]) -> None:
    assert names(title=headline) == expected


def test_title_case_chrome_is_no_name() -> None:
    assert names("You are in: Secretary of State Ana Rivas > What the Secretary Has Been Saying > Remarks") == [
        "Ana Rivas"
    ]
    assert names(title="What the President Is Doing About Inflation") == []


def test_headline_without_title_finds_nobody() -> None:
    assert names(title="Ron Johnson Loses It on 'Meet the Press'") == []


def test_headline_names_still_found() -> None:
    # near-misses: three-part and known names in title case stay whole
    assert names(title="Foreign Minister Wang Yi Visits Moscow") == ["Wang Yi"]
    assert names(title="President Recep Tayyip Erdogan Hosts Talks") == ["Recep Tayyip Erdoğan"]
    assert names(title="Remarks With Egyptian Foreign Minister Ahmed Khalil") == ["Ahmed Khalil"]
    # in running text a capitalised word after the name is still no verb list matter
    assert names("Foreign Minister Ahmed Khalil said the talks would resume.") == ["Ahmed Khalil"]


# --- 1b. a title after the name, in lower case ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ahmed Khalil, the Egyptian foreign minister, said the talks were useful.",
        "Ahmed Khalil, Egypt's foreign minister, said the talks were useful.",
        "Ahmed Khalil, foreign minister of Egypt, said the talks were useful.",
        "Ahmed Khalil, Egyptian foreign minister, said the talks were useful.",
    ],
)
def test_lowercase_title_after_name(text: str) -> None:
    assert names(text) == ["Ahmed Khalil"]


def test_surname_appositive_of_watched_leader() -> None:
    assert names("Lavrov, Russia's foreign minister, said the talks were useful.") == ["Sergey Lavrov"]
    assert names("Zabihullah Mujahid, the Taliban spokesman, said the group agreed.") == ["Zabihullah Mujahid"]


def test_appositive_near_misses() -> None:
    # a person described by a non-office stays out
    assert names("Jane Smith, the foreign correspondent of the Times, said.") == []
    assert names("Ahmed Khalil, a friend of the foreign minister, said.") == []


def test_predicate_roles() -> None:
    assert names("Karl Hoffmann is the German defense minister.") == ["Karl Hoffmann"]
    assert names("Ana Rivas serves as spokeswoman for the ministry.") == ["Ana Rivas"]
    assert names("Ana Rivas, who is the foreign minister, spoke first.") == ["Ana Rivas"]
    # near-miss: a victim or relative is no office
    assert names("Ana Rivas is the wife of a former minister.") == []


# --- 1c. titles the vocabulary lacked -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A member of parliament, Omar Saleh, told journalists the vote would be delayed.",
        "Lawmaker Omar Saleh told journalists the vote would be delayed.",
        "The Sudanese charge d'affaires, Omar Saleh, said talks would resume.",
        "The chargé d'affaires, Omar Saleh, said talks would resume.",
        "UN Special Coordinator Omar Saleh said the parties had agreed.",
        "Police chief Omar Saleh said the attackers had fled.",
    ],
)
def test_more_offices(text: str) -> None:
    assert names(text) == ["Omar Saleh"]


# --- 2. surnames and spellings resolve to the full name --------------------------------------------


def test_surname_resolves_to_earlier_full_name() -> None:
    assert names("John Kerry arrived on Monday. Later, Secretary Kerry met the press.") == ["John Kerry"]
    assert names("Defense Minister Karl Hoffmann spoke. Minister Hoffmann said more.") == ["Karl Hoffmann"]


def test_obscure_surname_alone_is_left_out() -> None:
    assert names("Minister Hoffmann said the talks were over.") == []


def test_watched_leader_by_surname_only() -> None:
    assert names("We thank President Santos for his courage.") == ["Juan Manuel Santos"]
    assert names("The plan was welcomed by Chancellor Merkel.") == ["Angela Merkel"]


def test_lowercase_slug_headline() -> None:
    assert names(title="statement by president biden on the extension of the truce in yemen") == ["Joe Biden"]
    assert names(title="remarks by secretary blinken at the summit") == ["Antony Blinken"]
    # near-miss: no known surname after the title
    assert names(title="statement by the president on the truce") == []


@pytest.mark.parametrize(
    "text",
    [
        "Sudanese President Omar Hassan al-Bashir told a rally the war would end.",
        "President Omar Hassan el-Bashir told a rally the war would end.",
    ],
)
def test_middle_names_of_watched_leaders(text: str) -> None:
    assert names(text) == ["Omar al-Bashir"]


@pytest.mark.parametrize("written", ["Abdel Fattah El Sisi", "Abdel Fattah el Sisi", "Abdel Fattah al-Sisi"])
def test_particle_spellings(written: str) -> None:
    assert names(f"We thank President {written} for his efforts.") == ["Abdel Fattah el-Sisi"]


def test_title_before_a_full_title_and_name_is_no_appositive() -> None:
    text = "Leaders including UN Secretary-General Ban Ki-moon, the President of the European Parliament Martin Schulz, spoke."
    assert names(text) == ["Ban Ki-moon", "Martin Schulz"]


# --- 3. who is not an official --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Georgia Secretary of State Brad Reynolds said the count was accurate.",
        "Texas Gov. Greg Walton signed the bill on Monday.",
        "Ohio Attorney General Dave Porter filed the suit.",
        "Georgia's secretary of state, Brad Reynolds, certified the results.",
    ],
)
def test_us_state_officials_are_left_out(text: str) -> None:
    assert names(text) == []


def test_us_state_officials_near_misses() -> None:
    assert names("Secretary of State Antony Blinken met Georgian Foreign Minister Ilia Darchiashvili.") == [
        "Antony Blinken",
        "Ilia Darchiashvili",
    ]
    assert names("U.S. Secretary of State Ana Rivas spoke.") == ["Ana Rivas"]


@pytest.mark.parametrize(
    "text",
    [
        "Real Madrid president Florentino Perez said the club would appeal.",
        "Club president Jan Novak said the team would appeal.",
        "The president of Harvard University, Claudine Gay, testified.",
        "Company president Mark Stone said profits rose.",
        "Federation president Luis Rubio apologised to the players.",
    ],
)
def test_presidents_of_clubs_companies_universities(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The statement identified the dead man as Sheikh Abdullah Nasser, who was on a wanted list.",
        "Coach Gregg Berhalter said the team was ready.",
        "The story was reported by VOA correspondent Jane Smith.",
        "Analyst John Smith said the talks were stalled.",
    ],
)
def test_not_officials(text: str) -> None:
    assert names(text) == []


def test_honorific_after_title_is_skipped() -> None:
    assert names("We thank Amir Sheikh Tamim Bin Hamad Al Thani of Qatar.") == ["Tamim bin Hamad Al Thani"]
    assert names("Prime Minister Sheikh Hasina met the envoy.") == ["Sheikh Hasina"]


# --- 4. countries ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Georgia Secretary of State Brad Reynolds said the count was accurate.",
        "Georgia Gov. Brian Kemp signed the bill.",
        "Georgia Republicans met in Atlanta.",
    ],
)
def test_georgia_us_state_local_cues(text: str) -> None:
    assert "Georgia" not in countries(text)


def test_georgia_us_state_in_headline() -> None:
    assert countries(title="Georgia Secretary of State Brad Raffensperger Certifies Election Results") == []


def test_georgia_country_near_miss() -> None:
    assert countries("Russian troops remained in Georgia, the foreign minister said.") == ["Russia", "Georgia"]


@pytest.mark.parametrize(
    "text",
    [
        "The Voice of America provides news in more than 40 languages.",
        "Stories with the VOA News byline come from Voice of America reporters.",
        "UNITED24 - Make a charitable donation in support of Ukraine!",
    ],
)
def test_outlet_names_and_chrome_are_not_countries(text: str) -> None:
    assert countries(text) == []


def test_outlet_near_miss() -> None:
    assert countries("America and its allies agreed to the truce.") == ["United States"]
    assert countries("Aid for Ukraine was discussed by the ministers in a long meeting.") == ["Ukraine"]


# --- 5. more ways an office introduces a name -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Minister for the Middle East Alistair Burn said the attack was appalling.", ["Alistair Burn"]),
        ("Minister for Africa Mark Simmons said the attack was appalling.", ["Mark Simmons"]),
        ("The UN Under-Secretary-General for Humanitarian Affairs, Valerie Amis, arrived.", ["Valerie Amis"]),
        ("EU High Representative for Foreign Affairs and Security Policy Federica Morini said.", ["Federica Morini"]),
        ("The Ambassador of Japan to the United Nations, Ken Sato, said.", ["Ken Sato"]),
        ("US Ambassador to Ukraine Bridget Brinkley said the aid would come.", ["Bridget Brinkley"]),
        (
            "We back the call by Special Representative of the Federal Government of Germany for the OSCE "
            "Chairmanship, Gernot Erlen, and urge calm.",
            ["Gernot Erlen"],
        ),
    ],
)
def test_portfolio_titles(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_portfolio_near_misses() -> None:
    assert names("He was named ambassador to the United Nations in 2019.") == []
    assert names("The envoy to Kabul arrived on Monday.") == []


def test_statement_header_with_a_body_before_the_title() -> None:
    text = "Press Statement\nJen Pasko\nDepartment Spokesperson\nWashington, DC\nWe are deeply concerned."
    assert names(text) == ["Jen Pasko"]
    # near-miss: a long line is prose, not a header
    assert names("Jen Pasko\nThe Department Spokesperson of the ministry said many things about the talks today.") == []


def test_head_of_an_official_body_as_predicate() -> None:
    text = "Nelson Ruiz Salazar was until recently the Head of the Office of the National Treasury."
    assert names(text) == ["Nelson Ruiz Salazar"]
    assert names("Ana Rivas is the head of the Finance Ministry.") == ["Ana Rivas"]
    assert names("Ana Rivas is the head of the local football club.") == []


def test_country_possessive_before_title() -> None:
    assert names("Ahmed Khalil, the country's foreign minister, said.") == ["Ahmed Khalil"]


def test_one_person_under_two_first_name_forms() -> None:
    text = "Treasury Secretary Steven Mnuchin announced sanctions.\nSteve Mnuchin, Treasury Secretary. (File)"
    assert names(text) == ["Steven Mnuchin"]
    # near-miss: two people with one surname and other initials stay two
    assert names("Prime Minister Nawaz Sharif met Army Chief Raheel Sharif.") == ["Nawaz Sharif", "Raheel Sharif"]


def test_quoted_nickname() -> None:
    assert names('Israeli Minister of Defense Benjamin "Benny" Gantz spoke.') == ["Benny Gantz"]
    assert names("Israeli Minister of Defense Benjamin \u201cBenny\u201d Gantz spoke.") == ["Benny Gantz"]


# --- 6. a watched leader's surname alone --------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The talks stalled, and Maduro refused to attend.",
        "Critics said Maduro's government had failed.",
    ],
)
def test_bare_surname_of_watched_leader(text: str) -> None:
    assert names(text) == ["Nicolás Maduro"]


def test_bare_surname_near_misses() -> None:
    # another person with that surname, a common surname, a place, a surname inside a longer name
    assert names("Ron Johnson said the vote was rigged. Johnson later apologised.") == []
    assert names("The storm hit Austin on Monday.") == []
    assert names("Officials met at the Putin Hall of the museum.") == []
    assert names("Rice prices rose again.") == []


def test_bare_surname_in_a_headline() -> None:
    assert names(title="Cease-fire agreement not open to interpretation, Kerry says") == ["John Kerry"]


# --- 7. transcripts, lower-case bodies, forms of address, chiefs ------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SECRETARY RICE: Thank you very much.", ["Condoleezza Rice"]),
        ("FOREIGN MINISTER LAVROV: We had a useful meeting.", ["Sergey Lavrov"]),
        ("PRESIDENT OBAMA: Good afternoon, everybody.", ["Barack Obama"]),
    ],
)
def test_transcript_speaker_labels(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_transcript_labels_without_a_name() -> None:
    assert names("THE PRESIDENT: Good afternoon.\nQUESTION: Thank you, sir.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The attack was planned abroad, said Ahmed Omar, the army spokesman.",
        "According to Ahmed Omar, the district governor, five people died.",
        "Ahmed Omar, the provincial police chief, said five people died.",
    ],
)
def test_lowercase_body_before_title_after_name(text: str) -> None:
    assert names(text) == ["Ahmed Omar"]


@pytest.mark.parametrize(
    "text",
    [
        "Ahmed Omar, the club president, said the season was over.",
        "Ahmed Omar, a community leader, said the march would go on.",
        "Ahmed Omar, a local resident, said he heard gunfire.",
    ],
)
def test_lowercase_body_near_misses(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Defense Minister Dato Seri Mohamed Khaled Nordin met the delegation.", ["Mohamed Khaled Nordin"]),
        ("Interior Minister Syed Mohsin Naqvi arrived. Interior Minister Mohsin Naqvi said more.", ["Mohsin Naqvi"]),
        ("Taliban leader Mullah Akhtar Mansour was killed.", ["Akhtar Mansour"]),
        ("Supreme Leader Ayatollah Ali Khamenei said.", ["Ali Khamenei"]),
    ],
)
def test_forms_of_address_are_skipped(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Egypt's intelligence chief Omar Sultan met the delegation.", ["Omar Sultan"]),
        ("Hamas political bureau chief Khalil Haya said the talks were over.", ["Khalil Haya"]),
        ("Secretary-General of the Arab League Ahmed Zaki said.", ["Ahmed Zaki"]),
        ("The Secretary General of the Organization of Islamic Cooperation, Iyad Madani, said.", ["Iyad Madani"]),
    ],
)
def test_chiefs_and_bodies(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_chief_near_misses() -> None:
    assert names("The company's chief executive Tim Cook said.") == []
    assert names("The chief of staff said the plan was ready.") == []


def test_surname_shared_by_two_watched_people_uses_the_title() -> None:
    assert names("Secretary Rice met the minister.") == ["Condoleezza Rice"]
    assert names("President Zardari met the envoy.") == ["Asif Ali Zardari"]


def test_given_name_as_the_usual_handle() -> None:
    assert names("Ethiopian Prime Minister Abiy said the talks would resume.") == ["Abiy Ahmed"]


def test_common_surname_alone_is_nobody() -> None:
    assert names(title="Tottenham v United: Sanchez scores again") == []
    assert names("Hammond said the club would appeal.") == []


# --- 8. bodies in lower case, ranks, cut excerpts, British styles ------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A spokesman for the rebels, Ali Hassan, said the truce held.", ["Ali Hassan"]),
        ("The African Union's special representative for Somalia, Francisco Madeiro, said.", ["Francisco Madeiro"]),
    ],
)
def test_lowercase_body_then_name_in_commas(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_lowercase_body_then_name_near_misses() -> None:
    assert names("The president of the club, John Smith, said the season was over.") == []
    assert names("A spokesman for the ministry said Ali Hassan, a farmer, was killed.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Israeli army spokesman Lt. Col. Peter Lerman said the operation would continue.", ["Peter Lerman"]),
        ("Pakistan's military spokesman, Maj. Gen. Asad Bajwan, said the attackers fled.", ["Asad Bajwan"]),
    ],
)
def test_rank_after_title_reads_once(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_name_cut_by_the_end_of_an_excerpt() -> None:
    long_text = "".join(f"Round {i} of the talks went well and both sides agreed to meet again. " for i in range(20))
    assert names(long_text + "Later he met Foreign Minister Ahmed Oma") == []
    # near-misses: a finished sentence, a watched name, a short text and a headline keep the name
    assert names(long_text + "Later he met Foreign Minister Ahmed Omar.") == ["Ahmed Omar"]
    assert names(long_text + "Later he met Foreign Minister Sergey Lavrov") == ["Sergey Lavrov"]
    assert names("He met Foreign Minister Ahmed Omar") == ["Ahmed Omar"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("From: Foreign & Commonwealth Office and The Rt Hon Hugh Robinson MP", ["Hugh Robinson"]),
        ("Minister for the Middle East Tobias Elwood MP said the UK condemned it.", ["Tobias Elwood"]),
        ("Sir Mark Lyall Grant, the UK ambassador to the UN, said the vote was clear.", ["Mark Lyall Grant"]),
        ("Foreign Office Minister Lord Ahmad said the talks must resume.", ["Lord Ahmad"]),
    ],
)
def test_british_styles(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_british_styles_near_miss() -> None:
    assert names("The MP said the vote was close.") == []


def test_head_of_an_agency() -> None:
    text = "Willian Antonio Contrera is the head of the Superintendence for the Defense of Socioeconomic Rights."
    assert names(text) == ["Willian Antonio Contrera"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("President Mahmud Abbas met the envoy.", ["Mahmoud Abbas"]),
        ("President Abdul Fattah el-Sisi met the envoy.", ["Abdel Fattah el-Sisi"]),
        ("President Omer al-Bashir met the envoy.", ["Omar al-Bashir"]),
    ],
)
def test_transliterated_given_names(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_transliteration_near_misses() -> None:
    assert names("Rep. Jill Biden met the envoy.") == ["Jill Biden"]
    assert names("Minister Ali Khan met the envoy.") == ["Ali Khan"]


# --- 9. watched surnames in headlines --------------------------------------------------------------


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        ("Putin-Erdogan Talks End Without Deal", {"Vladimir Putin", "Recep Tayyip Erdoğan"}),
        ("Biden, Netanyahu Discuss Hostage Deal in Call", {"Joe Biden", "Benjamin Netanyahu"}),
        ("Blinken in Kyiv as Zelenskyy Pleads for Air Defense", {"Antony Blinken", "Volodymyr Zelenskyy"}),
        ("King Charles Meets Zelenskyy", {"Charles III", "Volodymyr Zelenskyy"}),
        ("US, China Gear Up Preparation for Biden-Xi Meeting Next Month", {"Joe Biden", "Xi Jinping"}),
    ],
)
def test_watched_surnames_in_title_case(headline: str, expected: set[str]) -> None:
    assert set(names(title=headline)) == expected


def test_watched_surnames_in_title_case_near_misses() -> None:
    assert names(title="Hunter Biden Pleads Guilty") == []
    assert names("The Austin Peay team won the game.") == []


def test_georgia_governor_by_surname() -> None:
    assert "Georgia" not in countries(title="Gov. Kemp Signs Georgia Budget")


@pytest.mark.parametrize(
    "text",
    [
        "United Auto Workers President Shawn Fane said the strike would go on.",
        "UAW President Shawn Fane said the strike would go on.",
        "The union's chief negotiator, Mary Kelley, said the deal was close.",
    ],
)
def test_labour_union_officers_are_not_officials(text: str) -> None:
    assert names(text) == []


def test_labour_union_near_miss() -> None:
    assert names("European Union negotiator Michel Barnier said the talks would resume.") == ["Michel Barnier"]


# --- 10. a surname after a title, the full name given without one ----------------------------------


def test_surname_resolves_to_a_full_name_given_without_title() -> None:
    text = "Ahmed Omari arrived in Cairo on Monday. Later, Minister Omari said the talks would go on."
    assert names(text) == ["Ahmed Omari"]


def test_surname_full_name_near_misses() -> None:
    # two full names with that surname, a title word before it, an acronym
    assert names("Ahmed Omari and Ali Omari arrived. Minister Omari said the talks would go on.") == []
    assert names("Director Wang met the press. Later Director Wang left.") == []
    assert names("The call began at 10:00 PM EDT on Monday.") == []


def test_common_surname_needs_a_fitting_title() -> None:
    assert names("Minister Omar said the talks would go on.") == []
    assert names("Secretary Austin met the troops.") == ["Lloyd Austin"]


def test_administration_named_after_a_leader_is_not_the_leader() -> None:
    assert names("The Obama administration sent its envoy to the talks.") == []
    assert names("Critics said Obama's plan had failed.") == ["Barack Obama"]


def test_a_state_senator_is_a_state_official_not_a_crash() -> None:
    from bot.detect import Detector

    det = Detector().detect("", "The bill was backed by state Senator John Smith of Ohio on Monday.")
    assert det.people == ()


# --- a rank or a second title between a title and the name is not part of the name -----------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police spokesman Major Hassan Farah said the gunmen fled.", ["Hassan Farah"]),
        ("A military spokesman, Captain Amina Yusuf, confirmed the raid.", ["Amina Yusuf"]),
        (
            "Statement by the Permanent Representative to the UN Ambassador Clara Jensen at the Security Council.",
            ["Clara Jensen"],
        ),
        ("Army spokesman Lt. Col. Daniel Reuven said the strike hit a depot.", ["Daniel Reuven"]),
    ],
)
def test_a_rank_after_a_title_is_not_the_name(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_a_form_of_address_with_one_name_is_still_read_whole() -> None:
    # "Sheikh Hasina": with no full name after it, the word is part of the name (as before).
    assert names("Prime Minister Sheikh Hasina said the talks would continue.") == ["Sheikh Hasina"]


# --- a portfolio's words after the title belong to the title, joined or not ----------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She spoke with the Minister of International Relations and Cooperation Thandi Nkosi.", ["Thandi Nkosi"]),
        ("Minister of Finance and Economic Planning Kwame Mensah presented the budget.", ["Kwame Mensah"]),
        ("The Minister of Foreign Affairs and Cooperation Amina Diallo met the envoy.", ["Amina Diallo"]),
        ("Minister of Foreign Affairs and International Cooperation Ali Musa spoke.", ["Ali Musa"]),
        # Guards: two titles joined, and a name set off by commas after the portfolio.
        ("Foreign Minister and Deputy Prime Minister Ali Musa spoke.", ["Ali Musa"]),
        ("The Minister for Trade and Investment, Maria Costa, said the deal holds.", ["Maria Costa"]),
    ],
)
def test_a_portfolio_belongs_to_the_title(text: str, expected: list[str]) -> None:
    assert names(text) == expected


# --- "al X" and "al-X" are one person, written as the labels write it ---------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Interior Minister Karim al Hashimi said the attackers fled.", ["Karim al-Hashimi"]),
        ("Army spokesman Tarek el Masri said the base was hit.", ["Tarek el-Masri"]),
        (
            "Governor Nabil al Rawi said the bridge was shelled. Later, Nabil al-Rawi asked for help.",
            ["Nabil al-Rawi"],
        ),
        # Guards: a capitalised "Al" stays as written; "bin" keeps its space.
        ("Colonel Fahad Al Mutairi said the patrol returned.", ["Fahad Al Mutairi"]),
        ("Minister Khalid bin Rashid spoke.", ["Khalid bin Rashid"]),
    ],
)
def test_al_written_apart_is_the_hyphened_name(text: str, expected: list[str]) -> None:
    assert names(text) == expected


# --- an office, or an organisation's initials, is nobody's name ---------------------------------


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            "Statement by the spokesperson of EU High Representative, Pia Lindqvist, on the bombing",
            "",
            ["Pia Lindqvist"],
        ),
        (
            "",
            "Ministers toured the new building in London.\n\nFCO Plaque\n\nMinister Tom Reyes said it opened today.",
            ["Tom Reyes"],
        ),
        # Guards: initials before a person's name, and an initialled given name.
        ("", "The talks were chaired by FCO Minister Tom Reyes.", ["Tom Reyes"]),
        ("", "Vice President JD Carver met the delegation.", ["JD Carver"]),
    ],
)
def test_offices_and_initials_are_no_names(title: str, text: str, expected: list[str]) -> None:
    assert names(text, title) == expected


# --- a title "of" a place the gazetteer does not know, then the name set off by commas -------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The governor of Zabul, Karim Haidari, said the convoy was hit.", ["Karim Haidari"]),
        ("Later, the deputy chief minister of Tripura and Mizoram, Bina Sarkar, accused the rebels.", ["Bina Sarkar"]),
        # Guard: places listed after the comma are no name.
        ("The minister of Defence, Paris and London, said more.", []),
    ],
)
def test_a_name_after_a_title_of_an_unknown_place(text: str, expected: list[str]) -> None:
    assert names(text) == expected


# --- a surname that is also a place's name ---------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # A statement header with the full name on its own line, the title and surname above it.
        (
            "Statement to the Permanent Council",
            "Ambassador Jordan deplores the shelling of the port.\n\nClaire Jordan\n\nThank you, Mr Chair.",
            ["Claire Jordan"],
        ),
        # The full name in the body, the title and surname first.
        (
            "",
            "Envoy Chad urged restraint on Monday. Peter Chad had arrived in the capital a day before.",
            ["Peter Chad"],
        ),
        # A given name and a place word as the surname, after a title.
        ("", "The provincial governor Karim Afghan said six were hurt.", ["Karim Afghan"]),
        ("", "Police chief Anwar Malta, speaking by phone, confirmed the toll.", ["Anwar Malta"]),
    ],
)
def test_a_surname_that_is_a_place(title: str, text: str, expected: list[str]) -> None:
    assert names(text, title) == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # A title before a place, with no full name of that surname in the article: nobody.
        ("", "Ambassador Jordan deplores the shelling of the port.", []),
        ("", "The envoy Chad said little.", []),
        # A place word after a name, with more capitals after it, starts a new phrase.
        ("", "Secretary Ana Rivas Jordan Talks were held today.", ["Ana Rivas"]),
        # A place word after a place word is no name.
        ("", "Minister Karim Haidari met the Kabul Afghan delegation.", ["Karim Haidari"]),
    ],
)
def test_a_surname_that_is_a_place_near_misses(title: str, text: str, expected: list[str]) -> None:
    assert names(text, title) == expected


# --- the UN's abbreviations of its senior offices ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We thank USG DiCarlo for her briefing on the strikes.", ["Rosemary DiCarlo"]),
        ("ASG Jenca briefed the Council on the situation in Gaza.", ["Miroslav Jenča"]),
        ("The SRSG, Hana Tetteh, and DSG Mohammed travelled to Juba.", ["Amina Mohammed", "Hana Tetteh"]),
        ("SRSG Lina Haddad opened the talks in Geneva.", ["Lina Haddad"]),
    ],
)
def test_un_office_abbreviations_introduce_a_name(text: str, expected: list[str]) -> None:
    assert sorted(names(text)) == expected


def test_un_office_abbreviations_near_misses() -> None:
    # lower case is no office; a common surname after the wrong office names nobody; the Abu Sayyaf Group
    assert names("The usg said the ceasefire held.") == []
    assert names("Mohammed said the talks would go on.") == []
    assert names("ASG fighters attacked a village on Jolo.") == []


# --- issue 13, people batch: officials named by the body they serve, ranks and forms of address -------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("District police official Hamid Rahimi said two guards were hurt.", ["Hamid Rahimi"]),
        ("A senior official of the provincial government, Noor Ali Shah, said roads were closed.", ["Noor Ali Shah"]),
        (
            "The regional home secretary, Tariq Mahmood Khan, told reporters the curfew would stay.",
            ["Tariq Mahmood Khan"],
        ),
        ("Ministry spokesperson LTC Maria Alvarez read the statement.", ["Maria Alvarez"]),
        ("Vatican Secretary of State Cardinal Paolo Bertone met the envoy.", ["Paolo Bertone"]),
        ("Chief Constable Sarah Whitby said the van was stopped.", ["Sarah Whitby"]),
    ],
)
def test_officials_by_body_and_ranks_before_the_name(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_official_near_misses() -> None:
    # a headline's capitalised "Official", and an official news agency, name nobody
    assert names("", "Official Says Border Talks Will Resume") == []
    assert names("The official Tanjug news agency said talks were over.") == []
    # a body's name read after an office is no person
    assert names("She remains Chair of the National Election Commission, officials said.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Burmese names have no surname: one shared last word is not one person
        (
            "Sanctions hit Attorney General Thida Win Oo and Commission Chairman Thet Naing Oo.",
            ["Thet Naing Oo", "Thida Win Oo"],
        ),
        ("The junta named U Kyaw Zeya, Chair of the Union Election Commission.", ["Kyaw Zeya"]),
        # the same person under a short given name still merges
        ("Treasury Secretary Steven Dalton spoke. A caption: Secretary Steve Dalton.", ["Steven Dalton"]),
    ],
)
def test_names_without_a_surname(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_royals_go_by_their_given_name() -> None:
    # "Prince Faisal" after "Faisal bin Farhan Al Saud" is the same prince, not another watched Faisal
    text = (
        "The Secretary met the Foreign Minister of the Kingdom, Prince Faisal bin Farhan Al Saud, in Riyadh. "
        "Prince Faisal said the two would meet again."
    )
    assert names(text) == ["Faisal bin Farhan"]
    text = "Foreign Minister Prince Saud al-Faisal received the envoy. Prince Saud said the talks went well."
    assert names(text) == ["Saud al-Faisal"]
    # a royal house's name alone names none of its princes
    assert names("A delegation of the Al Saud family arrived.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a watched surname after 'to' is the person unless the surname is a place ("flew to Austin")
        ("The allies restated their opposition to Putin's annexation plans.", ["Vladimir Putin"]),
        # a body's initials written before the name
        ("UN Hana Tetteh, the Special Representative, briefed the council.", ["Hana Tetteh"]),
        # the one-word form of under secretary
        ("She met Senior Undersecretary Ramon Cruz in Manila.", ["Ramon Cruz"]),
        # a relative clause with the office
        (
            "The delegation was led by Hassan Ali Farah, who became the country's foreign minister in May.",
            ["Hassan Ali Farah"],
        ),
    ],
)
def test_more_ways_to_write_an_official(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_more_ways_near_misses() -> None:
    assert names("The envoy flew to Austin on Monday for talks.") == []
    assert names("The UN Security Council met in New York.") == []
