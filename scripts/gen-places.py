#!/usr/bin/env python3
"""Generate Sources/NewsGraphExtraction/Resources/Lexicons/places.tsv from Debian's iso-codes.

Input : /usr/share/iso-codes/json/iso_3166-1.json and iso_3166-2.json (Debian package `iso-codes`,
        LGPL-2.1-or-later). Override the directory with --iso-dir.
Output: places.tsv, one `entity<TAB>NAME<TAB>place<TAB>ALIASES<TAB>PARENT` record per country and per
        first-level subdivision (no `parent` field in iso_3166-2.json).

Rules (all data below is hand-curated and reviewable):
  * Countries: the name news writes (common_name, or the NEWS_COUNTRY table), the ISO name and the
    official name as aliases, plus hand-picked short forms. ISO alpha-3 codes are never aliases.
  * Subdivisions: bracketed parts are stripped; SUBDIV table gives the English/news name and aliases
    (a leading `!` drops the ISO name when it is a transliteration nobody writes in English news);
    ASCII-folded forms of accented names are added; names that are common English words are skipped
    (SKIP) or renamed (SUBDIV); names equal to a country's name or alias are dropped; a name shared by
    subdivisions of several countries becomes one record with an empty parent, except where PREFER
    picks the country.
Stdlib only; output is deterministic.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "..", "Sources", "NewsGraphExtraction", "Resources", "Lexicons", "places.tsv")

# ---------------------------------------------------------------- countries
# alpha_2 -> "Name|alias|alias". The ISO name, common_name and official_name are added automatically
# unless the entry starts with "!" (then only the listed forms are used).
NEWS_COUNTRY = {
    "AE": "United Arab Emirates|UAE",
    "AF": "Afghanistan",
    "BA": "Bosnia and Herzegovina|Bosnia|Bosnia-Herzegovina",
    "BN": "Brunei",
    "BO": "Bolivia",
    "BQ": "Caribbean Netherlands|Bonaire, Sint Eustatius and Saba",
    "CC": "Cocos (Keeling) Islands|Cocos Islands|Keeling Islands",
    "CD": "!DR Congo|DRC|Democratic Republic of the Congo|Democratic Republic of Congo|Congo-Kinshasa|DR of Congo|Congo",
    "CF": "Central African Republic|CAR",
    "CG": "!Republic of the Congo|Republic of Congo|Congo Republic|Congo-Brazzaville",
    "CI": "Ivory Coast|Côte d'Ivoire|Cote d'Ivoire|Côte d’Ivoire",
    "CV": "Cape Verde|Cabo Verde",
    "CZ": "Czech Republic|Czechia",
    "FK": "Falkland Islands|Falklands|Malvinas",
    "FM": "Micronesia|Federated States of Micronesia",
    "GB": "!United Kingdom|UK|U.K.|Britain|Great Britain|United Kingdom of Great Britain and Northern Ireland",
    "IR": "Iran|Islamic Republic of Iran",
    "KP": "North Korea|DPRK|Democratic People's Republic of Korea",
    "KR": "South Korea|Republic of Korea",
    "LA": "Laos|Lao PDR",
    "MD": "Moldova|Republic of Moldova",
    "MF": "Saint Martin|Saint Martin (French part)",
    "MK": "North Macedonia|Macedonia",
    "MM": "Myanmar|Burma",
    "MO": "Macao|Macau",
    "NL": "Netherlands|Holland",
    "PS": "!Palestine|State of Palestine|Palestinian territories|occupied Palestinian territories|Palestinian territory",
    "RU": "Russia|Russian Federation",
    "SH": "Saint Helena|Saint Helena, Ascension and Tristan da Cunha",
    "SX": "Sint Maarten|Sint Maarten (Dutch part)",
    "SY": "Syria|Syrian Arab Republic",
    "SZ": "Eswatini|Swaziland",
    "TL": "East Timor|Timor-Leste",
    "TR": "Turkey|Türkiye|Turkiye|Republic of Türkiye",
    "TW": "!Taiwan",
    "TZ": "Tanzania|United Republic of Tanzania",
    "US": "!United States|US|U.S.|USA|U.S.A.|United States of America",
    "VA": "Vatican City|Holy See|Vatican",
    "VE": "Venezuela|Bolivarian Republic of Venezuela",
    "VG": "British Virgin Islands",
    "VI": "US Virgin Islands|U.S. Virgin Islands|Virgin Islands of the United States",
    "VN": "Vietnam|Viet Nam|Socialist Republic of Viet Nam",
    "ST": "São Tomé and Príncipe|Sao Tome and Principe",
    "CW": "Curaçao|Curacao",
    "RE": "Réunion|Reunion",
    "BL": "Saint Barthélemy|Saint Barthelemy|St Barts",
    "AX": "Åland Islands|Aland Islands|Åland",
    "GM": "Gambia|The Gambia",
    "BS": "Bahamas|The Bahamas",
    "KN": "Saint Kitts and Nevis|St Kitts and Nevis",
    "VC": "Saint Vincent and the Grenadines|St Vincent and the Grenadines",
    "LC": "Saint Lucia|St Lucia",
    "PM": "Saint Pierre and Miquelon",
    "UM": "United States Minor Outlying Islands",
    "HM": "Heard Island and McDonald Islands",
}
# Country aliases that collide with other words; they are emitted with an `# ambiguous-alias:` comment.
AMBIGUOUS_COUNTRY_ALIAS = {
    "US": "also the pronoun 'us'; the extractor should match it case-sensitively",
    "Congo": "Congo alone usually means DR Congo in conflict news, but can mean the Republic of the Congo or the river",
    "CAR": "also the noun 'car'; match case-sensitively",
}

# ---------------------------------------------------------------- subdivisions
# Subdivisions skipped because the name is a common English word or too generic to be a safe place
# name at sentence start, or a name shared with a better-known place (reason given).
SKIP = {
    "generic or common English word": [
        "AG-04", "AG-07", "BB-05", "BB-09", "DM-05", "DM-08", "DM-11", "GD-04", "GD-05", "MT-49",  # Saint John/Peter/Mark
        "AD-03",  # Encamp
        "BF-02", "SC-11",  # Cascades, Cascade
        "BF-03", "CM-CE", "HT-CE",  # Centre
        "BF-08",  # Est
        "BF-10", "HT-ND",  # Nord
        "HT-SD",  # Sud (Sid)
        "BG-18",  # Ruse
        "BJ-LI", "BJ-MO", "BJ-PL",  # Littoral, Mono, Plateau (Benin)
        "BR-AC",  # Acre
        "BS-BP", "BS-HT", "BS-LI", "BS-RI",  # Black Point, Hope Town, Long Island, Ragged Island
        "BW-CE", "BW-NE", "BW-NW", "BW-SE", "BW-SO",
        "CG-12", "CG-14", "TG-M", "TG-P",  # Pool, Plateaux, Maritime
        "CM-ES", "CM-NO", "CM-OU", "CM-SU",  # East, North, West, South
        "DZ-29",  # Mascara
        "FJ-C", "FJ-E", "FJ-N", "FJ-W",
        "FM-YAP",
        "GH-CP", "GH-EP", "GH-NE", "GH-NP", "GH-UE", "GH-UW", "GH-WN", "GH-WP",
        "GM-L", "GM-M", "GM-N", "GM-U", "GM-W",
        "GW-L", "GW-N", "GW-S",  # Leste, Norte, Sul
        "KI-L", "KI-P",
        "LC-12",  # Canaries
        "LK-1", "LK-2", "LK-3", "LK-4", "LK-5", "LK-6", "LK-7",
        "LR-BG",  # Bong
        "MD-BD",  # Bender
        "ME-02",  # Bar
        "MK-303",  # Debar
        "MW-C", "MW-N", "MW-S",
        "NP-1", "NP-2", "NP-3", "NP-4", "NP-5", "NP-P1", "NP-P2", "NP-P5",  # old development regions, "Province 1"
        "PG-CPM", "PG-GPK", "PG-NPP", "PG-WPD",
        "PY-11",
        "RW-02", "RW-03", "RW-04", "RW-05",
        "SB-CE", "SB-WE", "SB-CT",
        "SG-02", "SG-03", "SG-04", "SG-05",
        "SH-AC",  # Ascension
        "SI-003", "SI-158",  # Bled, Grad
        "SL-E", "SL-N", "SL-NW", "SL-S",
        "TZ-19",  # Coast
        "UG-C", "UG-E", "UG-N", "UG-W",
        "ZM-01", "ZM-02", "ZM-03", "ZM-05", "ZM-07",
        "ZW-MI",  # Midlands
        "HN-CL", "PA-3",  # Colón (two countries; folded form is the word "colon")
        "SA-04", "IL-D", "IL-M", "IL-Z",  # Eastern Province, Southern/Central/Northern District
        "KW-KU", "BH-13", "BH-14", "BH-17",  # Capital/Southern/Northern Governorate
    ],
    "not a name (a descriptive phrase)": [
        "TJ-RA",  # "nohiyahoi tobei jumhurí" = districts of republican subordination
    ],
    "same territory as an ISO 3166-1 entry, which keeps the name": [
        "NO-21", "NO-22",  # Svalbard, Jan Mayen (SJ)
        "FR-BL", "FR-MF", "FR-PM", "FR-TF", "FR-WF", "FR-GP", "FR-MQ", "FR-RE", "FR-YT", "FR-NC", "FR-PF", "FR-GF",
        "CN-HK", "CN-MO", "CN-TW",
    ],
    "collides with a better-known place": [
        "BF-12",  # Sahel (Burkina Faso region) - "Sahel" in news is the wider belt; see places-conflict.tsv
        "MZ-G",   # Gaza (Mozambique) - Gaza means the Palestinian governorate/Strip in conflict news
        "US-GA",  # Georgia (US state) - the country keeps the name
        "CH-UR",  # Uri (Swiss canton) - Uri in conflict news is the town in Jammu and Kashmir (places-conflict.tsv)
        "CN-TW",  # Taiwan Sheng - the ISO 3166-1 entry keeps the name
    ],
}
# Same name in several countries: which country keeps it (the others are dropped). Without an entry the
# shared record gets an empty PARENT.
PREFER = {
    "Montana": "US", "Maryland": "US", "Florida": "US",
    "Bonaire": "BQ", "Saba": "BQ", "Sint Eustatius": "BQ",
}
# Subdivisions whose PARENT is left empty on purpose (disputed status).
NO_PARENT = {"PS-JEM": "Jerusalem: status disputed; ISO 3166-2 lists a Jerusalem governorate under PS"}

# ISO code -> "Name|alias|..." ; leading "!" = do not keep the ISO spelling as an alias.
SUBDIV = r"""
AF-BAM Bamyan|Bamiyan
AF-BDG Badghis
AF-BDS Badakhshan
AF-BGL Baghlan
AF-DAY Daykundi|Daikundi
AF-FRA Farah
AF-FYB Faryab
AF-GHA Ghazni
AF-GHO Ghor
AF-HEL Helmand
AF-HER Herat
AF-JOW Jowzjan|Jawzjan
AF-KAB Kabul
AF-KAN Kandahar|Qandahar
AF-KAP Kapisa
AF-KDZ Kunduz|Kondoz
AF-KHO Khost|Khowst
AF-KNR Kunar|Konar
AF-LAG Laghman
AF-LOG Logar
AF-NAN Nangarhar
AF-NIM Nimroz
AF-NUR Nuristan
AF-PAN Panjshir|Panjshayr|Panjsher
AF-PAR Parwan|Parvan
AF-PIA Paktia|Paktiya
AF-PKA Paktika
AF-SAM Samangan
AF-SAR Sar-e Pul|Sar-i-Pul|Sari Pul
AF-TAK Takhar
AF-URU Uruzgan|Oruzgan
AF-WAR Wardak|Maidan Wardak|Maidan Wardak
AF-ZAB Zabul
PK-BA Balochistan|Baluchistan|Balochistan province
PK-GB Gilgit-Baltistan|Gilgit Baltistan
PK-IS Islamabad|Islamabad Capital Territory
PK-JK Azad Jammu and Kashmir|Azad Kashmir|AJK|Pakistan-administered Kashmir
PK-KP Khyber Pakhtunkhwa|KP|KPK|Khyber-Pakhtunkhwa|Khaybar Pakhtunkhwa|Khyber Pakhtoonkhwa
PK-PB Punjab
PK-SD Sindh|Sind
IN-AN Andaman and Nicobar Islands
IN-AR Arunachal Pradesh
IN-BR Bihar
IN-CH Chandigarh
IN-CT Chhattisgarh|Chattisgarh
IN-DH Dadra and Nagar Haveli and Daman and Diu
IN-GJ Gujarat
IN-HP Himachal Pradesh
IN-HR Haryana
IN-JH Jharkhand
IN-JK Jammu and Kashmir|Jammu & Kashmir|J&K|Indian-administered Kashmir
IN-KA Karnataka
IN-LA Ladakh
IN-MH Maharashtra
IN-ML Meghalaya
IN-NL Nagaland
IN-RJ Rajasthan
IN-TG Telangana
IN-TN Tamil Nadu
IN-UT Uttarakhand
IN-OR Odisha|Orissa
SY-DI !Damascus|Dimashq
SY-DR !Daraa|Deraa|Dar'a|Dar'ā
SY-DY !Deir ez-Zor|Deir ez Zor|Deir al-Zor|Deir al-Zour|Deir Ezzor|Dayr az Zawr|Deir el-Zour
SY-HA !Hasakah|Al-Hasakah|Al Hasakah|Hasaka|Hasakeh|Al Ḩasakah
SY-HI !Homs|Ḩimş
SY-HL !Aleppo|Ḩalab|Halab
SY-HM !Hama|Ḩamāh|Hamah
SY-ID Idlib|Idleb
SY-LA !Latakia|Al Lādhiqīyah|Al Ladhiqiyah|Lattakia
SY-QU !Quneitra|Al Qunayţirah|Al Qunaytirah|Qunaitra
SY-RA !Raqqa|Ar Raqqah|Raqqah|Al-Raqqa
SY-RD !Rif Dimashq|Rif Dimashq Governorate|Rural Damascus|Damascus countryside
SY-SU !Suwayda|As Suwaydā'|As Suwayda|Sweida|Suwaida|Suweida
SY-TA !Tartus|Ţarţūs|Tartous
IQ-AN !Anbar|Al Anbār|Al Anbar|Al-Anbar
IQ-AR !Erbil|Arbīl|Arbil|Irbil|Hawler
IQ-BA !Basra|Al Başrah|Basrah|Al Basrah
IQ-BB !Babil|Bābil|Babylon Governorate
IQ-BG !Baghdad|Baghdād
IQ-DA !Duhok|Dahūk|Dohuk|Dahuk
IQ-DI !Diyala|Diyālá
IQ-DQ !Dhi Qar|Dhī Qār|Thi Qar
IQ-KA !Karbala|Karbalā’|Kerbala
IQ-KI !Kirkuk|Kirkūk
IQ-MA !Maysan|Maysān|Missan
IQ-MU !Muthanna|Al Muthanná|Al-Muthanna
IQ-NA !Najaf|An Najaf|Al-Najaf
IQ-NI !Nineveh|Nīnawá|Ninawa|Nineveh Governorate|Ninewa
IQ-QA !Qadisiyah|Al Qādisīyah|Al-Qadisiyyah|Diwaniyah
IQ-SD !Salahuddin|Şalāḩ ad Dīn|Salah ad Din|Salah al-Din|Saladin
IQ-SU !Sulaymaniyah|As Sulaymānīyah|Sulaimaniyah|Sulaimani|Slemani
IQ-WA !Wasit|Wāsiţ
YE-AB Abyan
YE-AD !Aden|‘Adan|Adan
YE-AM !Amran|‘Amrān
YE-BA !Al Bayda|Al Bayḑā’|Bayda|Al-Bayda
YE-DA !Dhale|Aḑ Ḑāli‘|Al Dhale|Ad Dali|Al-Dhalea|Dhalea
YE-DH !Dhamar|Dhamār
YE-HD !Hadramawt|Ḩaḑramawt|Hadramout|Hadhramaut|Hadramaut
YE-HJ !Hajjah|Ḩajjah|Hajja
YE-HU !Hodeidah|Al Ḩudaydah|Al Hudaydah|Hudaydah|Hodeida
YE-IB Ibb
YE-JA !Al Jawf Governorate|Jawf Governorate
YE-LA !Lahij|Laḩij|Lahj
YE-MA !Marib|Ma’rib|Ma'rib
YE-MR !Al Mahrah|Mahra|Al-Mahra|Mahrah
YE-MW !Al Mahwit|Al Maḩwīt|Mahwit
YE-RA !Raymah|Raima
YE-SA !Sanaa|Sana'a|San'a|Amanat al-Asimah|Amānat al ‘Āşimah|Amanat al Asimah|Sanaa city
YE-SD !Saada|Şāʻdah|Sa'dah|Saadah|Sa'ada
YE-SH !Shabwa|Shabwah
YE-SN !Sanaa Governorate|Sana'a Governorate|Şanʻā’ Governorate
YE-SU !Socotra|Arkhabīl Suquţrá|Socotra Archipelago|Suqutra
YE-TA !Taiz|Tāʻizz|Ta'izz|Taizz
SA-01 !Riyadh Province|Ar Riyāḑ|Riyadh Region
SA-02 !Makkah Province|Makkah al Mukarramah|Mecca Province|Makkah Region
SA-03 !Madinah Province|Al Madīnah al Munawwarah|Medina Province|Madinah Region
SA-05 !Qassim|Al Qaşīm|Al-Qassim|Al Qassim
SA-06 !Ha'il|Ḩā'il|Hail Province
SA-07 !Tabuk Province|Tabūk|Tabuk Region
SA-08 !Northern Borders|Al Ḩudūd ash Shamālīyah|Northern Borders Province
SA-09 !Jazan|Jāzān|Jizan|Gizan
SA-10 !Najran|Najrān
SA-11 !Al Bahah|Al Bāḩah|Al-Baha|Baha
SA-12 !Al Jawf Province|Al Jawf Region
SA-14 !Asir|'Asīr|Aseer
IR-00 Markazi
IR-01 Gilan|Guilan
IR-02 Mazandaran
IR-03 !East Azerbaijan|Āz̄ārbāyjān-e Shārqī|East Azarbaijan
IR-04 !West Azerbaijan|Āz̄ārbāyjān-e Ghārbī|West Azarbaijan
IR-05 Kermanshah
IR-06 Khuzestan
IR-07 Fars
IR-08 Kerman
IR-09 !Razavi Khorasan|Khorāsān-e Raẕavī|Khorasan Razavi
IR-10 !Isfahan|Eşfahān|Esfahan
IR-11 !Sistan and Baluchestan|Sīstān va Balūchestān|Sistan-Baluchestan|Sistan and Baluchistan|Sistan-Baluchistan
IR-12 !Kurdistan Province|Kordestān|Kordestan
IR-13 Hamadan
IR-14 !Chaharmahal and Bakhtiari|Chahār Maḩāl va Bakhtīārī
IR-15 Lorestan
IR-16 Ilam
IR-17 !Kohgiluyeh and Boyer-Ahmad|Kohgīlūyeh va Bowyer Aḩmad
IR-18 Bushehr
IR-19 Zanjan
IR-20 Semnan
IR-21 Yazd
IR-22 Hormozgan
IR-23 Tehran|Teheran
IR-24 Ardabil
IR-25 Qom
IR-26 Qazvin
IR-27 Golestan
IR-28 !North Khorasan|Khorāsān-e Shomālī
IR-29 !South Khorasan|Khorāsān-e Jonūbī
IR-30 Alborz
IL-HA !Haifa District
IL-JM !Jerusalem District
IL-TA !Tel Aviv District
PS-DEB Deir al-Balah|Deir El Balah|Deir el-Balah|Dayr al-Balah
PS-GZA !Gaza Governorate|Gaza City Governorate
PS-JRH Jericho|Jericho and Al Aghwar
PS-JEM !Jerusalem|Al-Quds|Al Quds
PS-KYS Khan Younis|Khan Yunis|Khan Yunes
PS-NGZ North Gaza|North Gaza Governorate
PS-QQA Qalqilya|Qalqiliya|Qalqilyah
PS-TKM Tulkarm|Tulkarem|Tulkarem
LB-AK !Akkar|Aakkâr
LB-AS !North Lebanon|North Lebanon Governorate
LB-BA !Beirut|Bayrūt|Beyrouth
LB-BH Baalbek-Hermel|Baalbek-Hermel Governorate
LB-BI !Beqaa|Al Biqā‘|Bekaa|Beqaa Valley|Bekaa Valley
LB-JA !South Lebanon|South Lebanon Governorate|Al Janūb
LB-JL !Mount Lebanon|Jabal Lubnān
LB-NA !Nabatieh|An Nabaţīyah|Nabatiyeh|Nabatiye|Nabatieh Governorate
JO-AJ !Ajloun|‘Ajlūn|Ajlun
JO-AM !Amman Governorate
JO-AQ !Aqaba|Al ‘Aqabah
JO-AT !Tafilah|Aţ Ţafīlah|Tafila
JO-AZ !Zarqa|Az Zarqā’
JO-BA !Balqa|Al Balqā’
JO-IR Irbid
JO-JA !Jerash|Jarash
JO-KA !Karak Governorate|Al Karak|Kerak
JO-MA !Mafraq|Al Mafraq
JO-MD !Madaba|Mādabā
JO-MN !Ma'an|Ma‘ān|Maan
EG-ALX !Alexandria|Al Iskandarīyah
EG-ASN Aswan
EG-AST !Asyut|Asyūţ|Assiut
EG-BA !Red Sea Governorate|Al Baḩr al Aḩmar
EG-BH !Beheira|Buhayrah
EG-BNS !Beni Suef|Banī Suwayf
EG-C !Cairo|Al Qāhirah
EG-DK !Dakahlia|Ad Daqahlīyah
EG-DT !Damietta|Dumyāţ
EG-FYM !Faiyum|Al Fayyūm|Fayoum
EG-GH !Gharbia|Al Gharbīyah
EG-GZ !Giza|Al Jīzah
EG-IS !Ismailia|Al Ismā'īlīyah
EG-JS !South Sinai|Janūb Sīnā'
EG-KB !Qalyubia|Al Qalyūbīyah
EG-KFS !Kafr el-Sheikh|Kafr ash Shaykh
EG-KN !Qena|Qinā
EG-LX !Luxor|Al Uqşur
EG-MN !Minya|Al Minyā
EG-MNF !Monufia|Al Minūfīyah|Menoufia
EG-MT !Matrouh|Maţrūḩ|Marsa Matrouh Governorate
EG-PTS !Port Said|Būr Sa‘īd
EG-SHG !Sohag|Sūhāj
EG-SHR !Sharqia|Al Sharqia
EG-SIN !North Sinai|Shamāl Sīnā'
EG-SUZ !Suez|As Suways
EG-WAD !New Valley|Al Wādī al Jadīd
LY-BA !Benghazi|Banghāzī
LY-BU !Butnan|Al Buţnān
LY-DR !Derna|Darnah
LY-GT Ghat
LY-JA !Jabal al Akhdar|Al Jabal al Akhḑar
LY-JG !Jabal al Gharbi|Al Jabal al Gharbī|Nafusa Mountains
LY-JI !Jafara|Al Jafārah
LY-JU !Jufra|Al Jufrah
LY-KF !Kufra|Al Kufrah
LY-MB !Murqub|Al Marqab
LY-MI !Misrata|Mişrātah|Misurata|Misratah
LY-MJ !Marj|Al Marj
LY-MQ Murzuq
LY-NL Nalut
LY-NQ !Nuqat al Khams|An Nuqāţ al Khams
LY-SB !Sabha|Sabhā|Sebha
LY-SR !Sirte|Surt|Sirt
LY-TB !Tripoli|Ţarābulus
LY-WA !Al Wahat|Al Wāḩāt
LY-WD !Wadi al Hayat|Wādī al Ḩayāt
LY-WS !Wadi al Shatii|Wādī ash Shāţi’
LY-ZA !Zawiya|Az Zāwiyah|Zawiyah
TD-BA !Batha|Al Baţḩā’
TD-BG Bahr el Ghazal Province|Barh El Gazel
TD-LC !Lac|Lac Province
TD-ND !N'Djamena|Madīnat Injamīnā|Ndjamena|N’Djamena
TD-TI !Tibesti|Tibastī
TD-GR Guéra|Guera
TD-OD Ouaddaï|Ouaddai
TD-WF Wadi Fira
TD-SI Sila
TD-EE Ennedi-Est|Ennedi East
TD-EO Ennedi-Ouest|Ennedi West
ER-AN !Anseba|Ansabā
ER-DK !Southern Red Sea|Debubawi K’eyyĭḥ Baḥri
ER-DU !Debub
ER-GB Gash-Barka
ER-MA !Maekel
ER-SK !Northern Red Sea|Semienawi K’eyyĭḥ Baḥri
DJ-OB !Obock|Awbūk
KW-AH !Ahmadi|Al Aḩmadī|Al Ahmadi
KW-FA !Farwaniya|Al Farwānīyah
KW-HA !Hawalli|Ḩawallī
KW-JA !Jahra|Al Jahrā’
KW-MU !Mubarak Al-Kabeer|Mubārak al Kabīr
BH-15 !Muharraq|Al Muḩarraq
QA-DA !Doha|Ad Dawḩah
QA-KH !Al Khor|Al Khawr wa adh Dhakhīrah
QA-MS !Al Shamal Municipality
QA-RA !Al Rayyan|Ar Rayyān
QA-SH !Al-Shahaniya|Ash Shīḩānīyah
QA-US !Umm Salal|Umm Şalāl
QA-WA !Al Wakrah|Al Wakra
QA-ZA !Al Daayen|Az̧ Z̧a‘āyin
AE-AJ !Ajman|‘Ajmān
AE-AZ !Abu Dhabi|Abū Z̧aby
AE-DU !Dubai|Dubayy
AE-FU !Fujairah|Al Fujayrah
AE-RK !Ras al-Khaimah|Ra’s al Khaymah|Ras Al Khaimah
AE-SH !Sharjah|Ash Shāriqah
AE-UQ !Umm al-Quwain|Umm al Qaywayn
OM-BJ !South Al Batinah|Janūb al Bāţinah
OM-BS !North Al Batinah|Shamāl al Bāţinah
OM-BU !Al Buraimi|Al Buraymī
OM-DA !Ad Dakhiliyah|Ad Dākhilīyah
OM-MA !Muscat|Masqaţ
OM-MU Musandam
OM-SJ !South Al Sharqiyah|Janūb ash Sharqīyah
OM-SS !North Al Sharqiyah|Shamāl ash Sharqīyah
OM-WU !Al Wusta|Al Wusţá
OM-ZA !Ad Dhahirah|Az̧ Z̧āhirah
OM-ZU !Dhofar|Z̧ufār
SO-BN Banadir|Banaadir|Benadir
SO-BY !Bay Region|Bay region
SO-GA Galgaduud|Galguduud|Galgadud
SO-HI Hiran|Hiiraan|Hiraan
SO-JD Middle Juba|Jubbada Dhexe
SO-JH Lower Juba|Jubbada Hoose
SO-NU Nugal|Nugaal
SO-SD Middle Shabelle|Shabeellaha Dhexe|Middle Shabele
SO-SH Lower Shabelle|Shabeellaha Hoose|Lower Shabele
SO-WO Woqooyi Galbeed|Maroodi Jeex
SD-GD Gedaref|Al Qadarif|Al-Qadarif|Gadarif
SD-GZ Gezira|Al Jazirah|Al-Jazirah|Al Gezira|Jazira
SD-NO !Northern State
SD-RS !Red Sea State
SD-KA Kassala
SD-SI Sennar|Sinnar
SD-NB Blue Nile|Blue Nile State
SD-NW White Nile|White Nile State
SD-NR River Nile|River Nile State|Nile River State
SS-LK !Lakes State
SS-UY !Unity State
SS-NU Upper Nile|Upper Nile State
SS-JG Jonglei|Jonglei State
SS-WR Warrap|Warrap State
ET-AM Amhara|Amara
ET-BE Benishangul-Gumuz|Benshangul-Gumaz|Benishangul Gumuz
ET-GA Gambela|Gambella|Gambela Peoples
ET-HA Harari|Harari People
ET-SN Southern Nations, Nationalities and Peoples|SNNPR|Southern Nations, Nationalities, and Peoples' Region
ET-SO !Somali Region|Somali Regional State
ET-TI Tigray|Tigrai
ML-6 Timbuktu|Tombouctou|Tomboctou
ML-4 Ségou|Segou
ML-9 Ménaka|Menaka
ML-10 Taoudénit|Taoudeni|Taoudenni
NE-6 Tillabéri|Tillaberi|Tillabery
CD-BC Kongo Central|Bas-Congo
CD-BU Bas-Uele|Bas-Uélé
CD-EQ Équateur|Equateur
CD-HU Haut-Uele|Haut-Uélé
CD-KC Kasaï-Central|Kasaï Central|Kasai-Central|Kasai Central
CD-KE Kasaï-Oriental|Kasaï Oriental|Kasai-Oriental|Kasai Oriental
CD-KS Kasai|Kasaï
CD-NK North Kivu|Nord-Kivu|Nord Kivu
CD-NU North Ubangi|Nord-Ubangi
CD-SK South Kivu|Sud-Kivu|Sud Kivu
CD-SU South Ubangi|Sud-Ubangi
CD-TA Tanganyika Province|Tanganyika
CF-HS Haute-Sangha / Mambéré-Kadéï|Mambéré-Kadéï|Mambere-Kadei
CF-KB Nana-Grébizi|Gribingui|Nana-Grebizi
CF-KG Kémo|Kemö-Gïrïbïngï|Kemo
CF-AC Ouham
CM-AD Adamaoua|Adamaoua Region|Adamawa Region
CM-EN !Far North Region|Extrême-Nord|Extreme North Region
CM-LT !Littoral Region
CM-NW !North-West Region|Northwest Region|North West Region
CM-SW !South-West Region|Southwest Region|South West Region
NG-FC !Federal Capital Territory|FCT|Abuja Federal Capital Territory
NG-NI !Niger State
NG-DE !Delta State
NG-PL !Plateau State
NG-RI !Rivers State
NG-CR Cross River|Cross River State
NG-AK Akwa Ibom|Akwa Ibom State
MM-02 Bago|Pegu
MM-03 Magway|Magwe
MM-04 Mandalay
MM-05 Tanintharyi|Tenasserim
MM-06 Yangon|Rangoon
MM-07 Ayeyarwady|Irrawaddy|Ayeyarwaddy
MM-11 Kachin|Kachin State
MM-12 Kayah|Kayah State|Karenni State
MM-13 Kayin|Kayin State|Karen State
MM-14 !Chin State
MM-15 !Mon State
MM-16 Rakhine|Rakhine State|Arakan|Arakan State
MM-17 Shan|Shan State
MM-18 Naypyidaw|Nay Pyi Taw|Naypyitaw|Nay Pyi Taw Union Territory
MM-01 Sagaing|Sagaing Region
CO-DC !Bogotá|Bogota|Distrito Capital de Bogotá|Bogotá D.C.
CO-MET !Meta Department
CO-SAP San Andrés, Providencia y Santa Catalina|San Andrés and Providencia|San Andres
CO-VAC Valle del Cauca
CO-LAG La Guajira|Guajira
MX-CMX Mexico City|Ciudad de México|CDMX
MX-COA Coahuila|Coahuila de Zaragoza
MX-MEX !State of Mexico|Estado de México|Edomex|Mexico State
MX-MIC Michoacán|Michoacan|Michoacán de Ocampo
MX-VER Veracruz|Veracruz de Ignacio de la Llave
MX-NLE Nuevo León|Nuevo Leon
MX-SLP San Luis Potosí|San Luis Potosi
HT-AR Artibonite
HT-GA !Grand'Anse|Grand’Anse|Grand Anse|Grandans
HT-NE !Nord-Est
HT-NI !Nippes
HT-NO !Nord-Ouest
HT-OU !Ouest|Ouest department|Lwès
HT-SE !Sud-Est
PH-00 Metro Manila|National Capital Region
PH-01 Ilocos Region|Ilocos
PH-02 Cagayan Valley
PH-03 Central Luzon
PH-05 Bicol Region|Bicol
PH-06 Western Visayas
PH-07 Central Visayas
PH-08 Eastern Visayas
PH-09 Zamboanga Peninsula
PH-10 Northern Mindanao
PH-11 Davao Region
PH-12 Soccsksargen|SOCCSKSARGEN
PH-13 Caraga
PH-14 Bangsamoro|Bangsamoro Autonomous Region in Muslim Mindanao|BARMM|Autonomous Region in Muslim Mindanao|ARMM
PH-15 Cordillera Administrative Region
PH-40 Calabarzon
PH-41 Mimaropa
UA-05 !Vinnytsia Oblast|Vinnytsia region|Vinnytska oblast|Vinnitsa region
UA-07 !Volyn Oblast|Volyn region|Volynska oblast
UA-09 !Luhansk Oblast|Luhansk region|Luhanska oblast|Lugansk region|Lugansk Oblast
UA-12 !Dnipropetrovsk Oblast|Dnipropetrovsk region|Dnipropetrovska oblast|Dnipro region|Dnipropetrovsk Province
UA-14 !Donetsk Oblast|Donetsk region|Donetska oblast|Donetsk Province
UA-18 !Zhytomyr Oblast|Zhytomyr region|Zhytomyrska oblast
UA-21 !Zakarpattia Oblast|Zakarpattia region|Zakarpatska oblast|Transcarpathia
UA-23 !Zaporizhzhia Oblast|Zaporizhzhia region|Zaporizka oblast|Zaporizhia region|Zaporizhia Oblast|Zaporozhye region|Zaporizhzhia Province
UA-26 !Ivano-Frankivsk Oblast|Ivano-Frankivsk region|Ivano-Frankivska oblast
UA-30 Kyiv|Kiev|Kyiv city
UA-32 !Kyiv Oblast|Kyiv region|Kyivska oblast|Kiev region|Kiev Oblast
UA-35 !Kirovohrad Oblast|Kirovohrad region|Kirovohradska oblast|Kropyvnytskyi region
UA-40 Sevastopol|Sebastopol
UA-43 !Crimea|Autonomous Republic of Crimea|Avtonomna Respublika Krym|Crimean Peninsula
UA-46 !Lviv Oblast|Lviv region|Lvivska oblast
UA-48 !Mykolaiv Oblast|Mykolaiv region|Mykolaivska oblast|Nikolaev region
UA-51 !Odesa Oblast|Odesa region|Odeska oblast|Odessa region|Odessa Oblast
UA-53 !Poltava Oblast|Poltava region|Poltavska oblast
UA-56 !Rivne Oblast|Rivne region|Rivnenska oblast
UA-59 !Sumy Oblast|Sumy region|Sumska oblast|Sumy Province
UA-61 !Ternopil Oblast|Ternopil region|Ternopilska oblast
UA-63 !Kharkiv Oblast|Kharkiv region|Kharkivska oblast|Kharkov region|Kharkiv Province
UA-65 !Kherson Oblast|Kherson region|Khersonska oblast|Kherson Province
UA-68 !Khmelnytskyi Oblast|Khmelnytskyi region|Khmelnytska oblast
UA-71 !Cherkasy Oblast|Cherkasy region|Cherkaska oblast
UA-74 !Chernihiv Oblast|Chernihiv region|Chernihivska oblast
UA-77 !Chernivtsi Oblast|Chernivtsi region|Chernivetska oblast
BY-BR !Brest Region|Brest Oblast|Bresckaja voblasć
BY-HM !Minsk|Gorod Minsk
BY-HO !Gomel Region|Gomel Oblast|Homel region|Gomel'skaja oblast'
BY-HR !Grodno Region|Grodno Oblast|Hrodna region|Grodnenskaja oblast'
BY-MA !Mogilev Region|Mogilev Oblast|Mahilyow region|Mahilioŭskaja voblasć
BY-MI !Minsk Region|Minsk Oblast|Minskaja oblast'
BY-VI !Vitebsk Region|Vitebsk Oblast|Viciebsk region|Viciebskaja voblasć
MD-GA !Gagauzia|Găgăuzia|Gagauz Autonomous Territorial Unit|UTAG
MD-SN !Transnistria|Stînga Nistrului|Transdniestria|Pridnestrovie|Left Bank of the Dniester
MD-CU Chișinău|Chisinau|Kishinev
GE-AB Abkhazia
GE-AJ Adjara|Ajaria|Adjaria
GE-KA Kakheti|K'akheti
GE-TB Tbilisi
AM-ER !Yerevan|Erevan
AM-GR !Gegharkunik|Geġark'unik'
AM-SU !Syunik|Syunik'
AM-TV !Tavush|Tavuš
AM-LO !Lori|Loṙi
AM-SH !Shirak|Širak
AM-KT !Kotayk|Kotayk'
AM-AG !Aragatsotn|Aragac̣otn
AM-VD !Vayots Dzor|Vayoć Jor
AZ-BA !Baku|Bakı
AZ-XA !Khankendi|Xankəndi|Stepanakert
AZ-SUS !Shusha|Şuşa|Shushi
AZ-AGM !Aghdam|Ağdam
AZ-NX !Nakhchivan|Naxçıvan|Nakhichevan
AZ-GA !Ganja|Gəncə
AZ-FUZ !Fuzuli|Füzuli
AZ-LAC !Lachin|Laçın
AZ-KAL !Kalbajar|Kəlbəcər
AZ-XCI !Khojaly|Xocalı
AZ-XVD !Khojavend|Xocavənd
AZ-ZAN !Zangilan|Zəngilan
AZ-CAB !Jabrayil|Cəbrayıl
AZ-QBI !Qubadli|Qubadlı
AZ-TAR !Tartar District|Tərtər|Terter
AZ-SM !Sumqayit|Sumqayıt|Sumgait
AZ-MI !Mingachevir|Mingəçevir
AZ-SA !Shaki|Sheki|Şəki
AZ-SAK !Shaki District|Sheki District
CN-AH Anhui
CN-BJ Beijing
CN-CQ Chongqing
CN-FJ Fujian
CN-GD Guangdong
CN-GS Gansu
CN-GX Guangxi|Guangxi Zhuang Autonomous Region
CN-GZ Guizhou
CN-HA Henan
CN-HB Hubei
CN-HE Hebei
CN-HI Hainan
CN-HL Heilongjiang
CN-HN Hunan
CN-JL Jilin
CN-JS Jiangsu
CN-JX Jiangxi
CN-LN Liaoning
CN-NM Inner Mongolia|Nei Mongol
CN-NX Ningxia|Ningxia Hui Autonomous Region
CN-QH Qinghai
CN-SC Sichuan
CN-SD Shandong
CN-SH Shanghai
CN-SN Shaanxi
CN-SX Shanxi
CN-TJ Tianjin
CN-XJ Xinjiang|Xinjiang Uyghur Autonomous Region|Xinjiang Uygur Autonomous Region
CN-XZ Tibet|Xizang|Tibet Autonomous Region
CN-YN Yunnan
CN-ZJ Zhejiang
KZ-AKM !Akmola Region|Akmolinskaja oblast'
KZ-AKT !Aktobe Region|Aktjubinskaja oblast'
KZ-ALA Almaty
KZ-ALM !Almaty Region|Almatinskaja oblast'
KZ-AST Astana|Nur-Sultan
KZ-ATY !Atyrau Region|Atyrauskaja oblast'
KZ-KAR !Karaganda Region|Karagandinskaja oblast'
KZ-KUS !Kostanay Region|Kostanajskaja oblast'
KZ-KZY !Kyzylorda Region|Kyzylordinskaja oblast'
KZ-MAN !Mangystau Region|Mangghystaū oblysy
KZ-PAV !Pavlodar Region|Pavlodar oblysy
KZ-SEV !North Kazakhstan Region|Severo-Kazahstanskaja oblast'
KZ-VOS !East Kazakhstan Region|Shyghys Qazaqstan oblysy
KZ-YUZ !Turkistan Region|Turkestankaya oblast'
KZ-ZAP !West Kazakhstan Region|Batys Qazaqstan oblysy
KZ-ZHA !Jambyl Region|Zhambyl oblysy
KG-C !Chuy Region|Chuyskaya oblast'
KG-GB !Bishkek|Bishkek Shaary
KG-GO !Osh|Gorod Osh
KG-O !Osh Region
KG-J !Jalal-Abad Region|Dzhalal-Abadskaya oblast'
KG-Y !Issyk-Kul Region|Issyk-Kul'skaja oblast'
TJ-GB !Gorno-Badakhshan|Kŭhistoni Badakhshon|GBAO
UZ-TK !Tashkent|Toshkent
UZ-TO !Tashkent Region
UZ-QR !Karakalpakstan|Qoraqalpog‘iston Respublikasi
UZ-FA !Fergana Region|Farg‘ona
UZ-BU !Bukhara Region|Buxoro
UZ-SA !Samarkand Region|Samarqand
TM-S !Ashgabat|Aşgabat
ES-AN Andalusia|Andalucía|Andalucia
ES-AR Aragon|Aragón
ES-AS !Asturias|Asturias, Principado de
ES-CL Castile and León|Castilla y León|Castilla y Leon
ES-CM Castilla-La Mancha|Castile-La Mancha
ES-CN Canary Islands|Canarias
ES-CT Catalonia|Catalunya|Cataluña
ES-IB Balearic Islands|Illes Balears|Islas Baleares
ES-MC !Murcia|Murcia, Región de|Region of Murcia
ES-MD !Madrid|Madrid, Comunidad de|Community of Madrid
ES-NC !Navarre|Nafarroako Foru Komunitatea|Navarra
ES-PV Basque Country|Euskal Herria|País Vasco
ES-VC !Valencian Community|Valenciana, Comunidad|Comunidad Valenciana
DE-BY Bavaria|Bayern
DE-BW Baden-Württemberg|Baden-Wurttemberg
DE-HE Hesse|Hessen
DE-MV Mecklenburg-Western Pomerania|Mecklenburg-Vorpommern
DE-NI Lower Saxony|Niedersachsen
DE-NW North Rhine-Westphalia|Nordrhein-Westfalen
DE-RP Rhineland-Palatinate|Rheinland-Pfalz
DE-SN Saxony|Sachsen
DE-ST Saxony-Anhalt|Sachsen-Anhalt
DE-TH Thuringia|Thüringen
IT-21 Piedmont|Piemonte
IT-23 Aosta Valley|Val d'Aoste|Valle d'Aosta
IT-25 Lombardy|Lombardia
IT-32 Trentino-South Tyrol|Trentino-Alto Adige
IT-36 Friuli-Venezia Giulia|Friuli Venezia Giulia
IT-52 Tuscany|Toscana
IT-75 Apulia|Puglia
IT-82 Sicily|Sicilia
IT-88 Sardinia|Sardegna
FR-20R Corsica|Corse
FR-BRE Brittany|Bretagne
FR-NOR Normandy|Normandie
FR-IDF Île-de-France|Ile-de-France
FR-PAC Provence-Alpes-Côte d'Azur|Provence-Alpes-Côte-d’Azur|PACA
GR-69 Mount Athos|Ágion Óros|Agion Oros
GR-A Eastern Macedonia and Thrace|Anatolikí Makedonía kai Thráki
GR-B Central Macedonia|Kentrikí Makedonía
GR-C Western Macedonia|Dytikí Makedonía
GR-D Epirus|Ípeiros
GR-E Thessaly|Thessalía
GR-F Ionian Islands|Ionía Nísia
GR-G Western Greece|Dytikí Elláda
GR-H Central Greece|Stereá Elláda
GR-I Attica|Attikí
GR-J Peloponnese|Pelopónnisos
GR-K North Aegean|Vóreio Aigaío
GR-L South Aegean|Nótio Aigaío
GR-M Crete|Kríti
CY-01 Nicosia|Lefkosia
CY-02 Limassol|Lemesos
CY-03 Larnaca|Larnaka
CY-04 Famagusta|Ammochostos
CY-05 Paphos|Baf
CY-06 Kyrenia|Girne
BG-22 Sofia|Sofia City
RS-00 Belgrade|Beograd
RS-KM Kosovo-Metohija|Kosovo and Metohija
TR-34 Istanbul|İstanbul
TR-35 Izmir|İzmir
TR-65 !Van Province
TR-63 Şanlıurfa|Sanliurfa|Urfa
TR-72 !Batman Province
TR-21 Diyarbakır|Diyarbakir
TR-73 Şırnak|Sirnak
TR-30 Hakkari|Hakkâri
JP-41 !Saga Prefecture
HU-PE !Pest County
HU-BU Budapest
GB-WLS Wales|Cymru
GB-NIR Northern Ireland
ZA-KZN KwaZulu-Natal|Kwazulu-Natal
ZA-NW !North West Province
MV-MLE !Malé
SV-CA !Cabañas
VE-I !Falcón
GT-QC !Quiché|El Quiché
HU-PS !Pécs
GH-SV !Savannah Region
ET-AF Afar|Afar Region
PS-TBS Tubas
KE-30 Nairobi|Nairobi City
KE-05 Elgeyo-Marakwet|Elgeyo/Marakwet
KE-39 Taita-Taveta|Taita/Taveta
BD-A Barisal|Barishal
BD-B Chittagong|Chattogram
BD-C Dhaka|Dacca
AO-CAB Cabinda
AO-ZAI !Zaire Province
PE-AMA !Madre de Dios Region|Amarumayu
PE-JUN !Junín|Hunin|Junin
PE-LMA !Lima Metropolitan Area|Lima hatun llaqta
PE-CAL Callao|El Callao
CL-RM Santiago Metropolitan Region|Región Metropolitana de Santiago
AR-C Buenos Aires City|Ciudad Autónoma de Buenos Aires|CABA
BO-B !El Beni|Beni Department
VE-A Caracas|Distrito Capital
TH-10 Bangkok|Krung Thep Maha Nakhon
TH-S Pattaya|Phatthaya
MY-14 Kuala Lumpur|Wilayah Persekutuan Kuala Lumpur
MY-15 Labuan|Wilayah Persekutuan Labuan
MY-16 Putrajaya|Wilayah Persekutuan Putrajaya
MY-07 Penang|Pulau Pinang
MY-04 Malacca|Melaka
ID-JW Java|Jawa
ID-SM Sumatra|Sumatera
NP-P3 Bagmati|Bāgmatī
NP-P7 Sudurpashchim|Sudūr Pashchim
MA-01 Tanger-Tetouan-Al Hoceima|Tanger-Tétouan-Al Hoceïma
MA-02 !Oriental Region|L'Oriental
MA-10 Guelmim-Oued Noun
MA-11 Laayoune-Sakia El Hamra|Laâyoune-Sakia El Hamra
MA-12 Dakhla-Oued Ed-Dahab
DZ-16 Algiers|Alger
TN-12 Ariana|L'Ariana
KM-A !Anjouan|Andjouân|Ndzuwani
KM-G !Grande Comore|Andjazîdja|Ngazidja
KM-M Mohéli|Moheli
PG-NCD National Capital District
SL-W Western Area
TG-C !Centrale Region|Centrale
NA-KA !Karas|//Karas|ǁKaras
RW-01 Kigali|City of Kigali
"""

def parse_table(text):
    out = {}
    for line in text.strip().splitlines():
        line = line.strip()
        if not line:
            continue
        code, rest = line.split(" ", 1)
        if code in out:
            sys.exit(f"gen-places: duplicate override for {code}")
        keep_iso = not rest.startswith("!")
        forms = rest.lstrip("!").split("|")
        out[code] = (keep_iso, [f.strip() for f in forms if f.strip()])
    return out

# Russia: the ISO names are GOST transliterations ("Kurskaja oblast'"); news writes "Kursk Oblast"/"Kursk region".
RU_OBLAST = {
    "AMU": "Amur", "ARK": "Arkhangelsk", "AST": "Astrakhan", "BEL": "Belgorod", "BRY": "Bryansk",
    "CHE": "Chelyabinsk", "IRK": "Irkutsk", "IVA": "Ivanovo", "KLU": "Kaluga", "KEM": "Kemerovo",
    "KGD": "Kaliningrad", "KGN": "Kurgan", "KIR": "Kirov", "KOS": "Kostroma", "KRS": "Kursk",
    "LEN": "Leningrad", "LIP": "Lipetsk", "MAG": "Magadan", "MOS": "Moscow", "MUR": "Murmansk",
    "NIZ": "Nizhny Novgorod", "NGR": "Novgorod", "NVS": "Novosibirsk", "OMS": "Omsk", "ORE": "Orenburg",
    "ORL": "Oryol", "PNZ": "Penza", "PSK": "Pskov", "ROS": "Rostov", "RYA": "Ryazan", "SAK": "Sakhalin",
    "SAM": "Samara", "SAR": "Saratov", "SMO": "Smolensk", "SVE": "Sverdlovsk", "TAM": "Tambov",
    "TOM": "Tomsk", "TUL": "Tula", "TVE": "Tver", "TYU": "Tyumen", "ULY": "Ulyanovsk", "VGG": "Volgograd",
    "VLA": "Vladimir", "VLG": "Vologda", "VOR": "Voronezh", "YAR": "Yaroslavl",
}
RU_OTHER = {
    "ALT": "Altai Krai|Altai region", "KAM": "Kamchatka Krai|Kamchatka", "KDA": "Krasnodar Krai|Krasnodar region",
    "KHA": "Khabarovsk Krai|Khabarovsk region", "KYA": "Krasnoyarsk Krai|Krasnoyarsk region",
    "PER": "Perm Krai|Perm region", "PRI": "Primorsky Krai|Primorye", "STA": "Stavropol Krai|Stavropol region",
    "ZAB": "Zabaykalsky Krai|Transbaikalia",
    "AD": "Adygea|Republic of Adygea", "AL": "Altai Republic", "BA": "Bashkortostan|Bashkiria",
    "BU": "Buryatia|Republic of Buryatia", "CE": "Chechnya|Chechen Republic", "CU": "Chuvashia|Chuvash Republic",
    "DA": "Dagestan|Daghestan|Republic of Dagestan", "IN": "Ingushetia|Republic of Ingushetia",
    "KB": "Kabardino-Balkaria", "KC": "Karachay-Cherkessia", "KK": "Khakassia", "KL": "Kalmykia",
    "KO": "Komi Republic|Komi", "KR": "Karelia|Republic of Karelia", "ME": "Mari El", "MO": "Mordovia",
    "SA": "Sakha|Yakutia|Sakha Republic", "SE": "North Ossetia|North Ossetia-Alania|North Ossetia–Alania",
    "TA": "Tatarstan|Republic of Tatarstan", "TY": "Tuva|Tyva", "UD": "Udmurtia|Udmurt Republic",
    "CHU": "Chukotka|Chukotka Autonomous Okrug", "KHM": "Khanty-Mansi Autonomous Okrug|Khanty-Mansiysk Autonomous Okrug|Yugra",
    "NEN": "Nenets Autonomous Okrug", "YAN": "Yamalo-Nenets Autonomous Okrug|Yamal-Nenets Autonomous Okrug",
    "YEV": "Jewish Autonomous Oblast", "MOW": "Moscow", "SPE": "Saint Petersburg|St Petersburg|St. Petersburg",
}

# Folded forms that are common English words: never add them as aliases.
FOLD_WORDS = {"Colon", "Quiche", "Pecs", "Cabanas", "Falcon", "Male", "Ruse", "Sale", "Bale", "Pate", "Nip", "Nodes",
              "Sides", "Plunge", "Apace", "Store", "Saki", "Hims", "Hail", "Tartar", "Oriental", "Green Mountain"}

# ---------------------------------------------------------------- helpers
EXTRA_FOLD = str.maketrans({"ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                            "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d",
                            "ħ": "h", "Ħ": "H", "ə": "a", "Ə": "A", "ŀ": "l", "ǁ": "", "/": ""})
QUOTES = str.maketrans({"‘": "'", "’": "'", "ʻ": "'", "ʼ": "'", "`": "'", "´": "'"})

def fold(s):
    s = s.translate(QUOTES)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.translate(EXTRA_FOLD)
    return re.sub(r"\s+", " ", s).strip()

def clean(s):
    return re.sub(r"\s+", " ", s).strip()

def strip_brackets(name):
    """'Catalunya [Cataluña]' -> ('Catalunya', ['Cataluña']); codes and descriptors in brackets are dropped."""
    alts = []
    for m in re.finditer(r"\[([^\]]*)\]", name):
        inner = re.sub(r"\b[A-Z]{2}-[A-Z0-9]+\b", "", m.group(1)).strip()
        if inner and inner[0].isupper():
            alts.append(inner)
    base = clean(re.sub(r"\s*\[[^\]]*\]|\s*\([^)]*\)", "", name))
    return base, alts

def variants(forms):
    """forms + ASCII-folded forms + straight-apostrophe forms, order kept, case-insensitive unique."""
    out, seen = [], set()
    for f in forms:
        for v in (f, f.translate(QUOTES), fold(f)):
            v = clean(v)
            if not v or v in FOLD_WORDS:
                continue
            k = v.lower()
            if k not in seen:
                seen.add(k)
                out.append(v)
    return out

def tsv_safe(s):
    if "\t" in s or "\n" in s:
        sys.exit(f"gen-places: bad character in {s!r}")
    return s

def record(name, aliases, parent):
    for a in [name, parent] + aliases:
        if "|" in a or "\t" in a or "\n" in a or a != a.strip():
            sys.exit(f"gen-places: bad character in {a!r}")
    return "\t".join(("entity", name, "place", "|".join(aliases), parent))

# ---------------------------------------------------------------- main
def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--iso-dir", default="/usr/share/iso-codes/json")
    ap.add_argument("--out", default=DEFAULT_OUT)
    args = ap.parse_args()

    with open(os.path.join(args.iso_dir, "iso_3166-1.json"), encoding="utf-8") as f:
        countries = json.load(f)["3166-1"]
    with open(os.path.join(args.iso_dir, "iso_3166-2.json"), encoding="utf-8") as f:
        subdivisions = json.load(f)["3166-2"]
    try:
        version = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "iso-codes"], capture_output=True,
                                 text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        version = "unknown (dpkg-query failed)"

    # countries
    country_name = {}
    country_rec = []
    taken = {}  # lower form -> owner label
    for c in sorted(countries, key=lambda c: c["alpha_2"]):
        a2 = c["alpha_2"]
        entry = NEWS_COUNTRY.get(a2)
        if entry:
            keep_iso = not entry.startswith("!")
            forms = entry.lstrip("!").split("|")
        else:
            keep_iso, forms = True, [c.get("common_name") or c["name"]]
        if keep_iso:
            for k in ("common_name", "name", "official_name"):
                if c.get(k):
                    forms.append(c[k])
        # drop inverted ISO forms ("Korea, Republic of") except when nothing else is there
        first = forms[0]
        forms = [first] + [f for f in forms[1:] if not re.search(r", (The |the )?[A-Z]", f)]
        base_forms = []
        for f in forms:
            b, alts = strip_brackets(f)
            base_forms.append(re.sub(r"^the ", "", b))
            base_forms += alts
        vs = variants(base_forms)
        name = vs[0]
        country_name[a2] = name
        for v in vs:
            if v.lower() in taken:
                sys.exit(f"gen-places: country form {v!r} of {a2} already used by {taken[v.lower()]}")
            taken[v.lower()] = a2
        country_rec.append((name, vs[1:], ""))

    # subdivisions
    table = parse_table(SUBDIV)
    for code, stem in RU_OBLAST.items():
        table["RU-" + code] = (False, [f"{stem} Oblast", f"{stem} region"])
    for code, forms in RU_OTHER.items():
        table["RU-" + code] = (False, forms.split("|"))
    skip = {code: reason for reason, codes in SKIP.items() for code in codes}
    unknown = [c for c in list(table) + list(skip) if c not in {s["code"] for s in subdivisions}]
    if unknown:
        sys.exit(f"gen-places: override/skip codes not in iso_3166-2.json: {unknown}")

    skipped, dropped_country, merged = [], [], {}
    for s in sorted(subdivisions, key=lambda s: s["code"]):
        if "parent" in s:
            continue
        code = s["code"]
        cc = code.split("-")[0]
        iso_base, iso_alts = strip_brackets(s["name"])
        if code in skip:
            skipped.append((code, iso_base, skip[code]))
            continue
        if code in table:
            keep_iso, forms = table[code]
            forms = list(forms) + ([iso_base] + iso_alts if keep_iso else [])
        else:
            forms = [iso_base] + iso_alts
            # Transliterations with macrons/dots: news writes the folded form, so it becomes the name.
            if re.search(r"[āēīōūḩţşḑẕḏḥṭṣṟ‘’ʻ]", iso_base, re.I):
                forms = [fold(iso_base)] + forms
        forms = [f for f in forms if "," not in f or f == forms[0]]
        vs = variants(forms)
        clash = [v for v in vs if v.lower() in taken]
        if clash:
            dropped_country.append((code, vs[0], taken[clash[0].lower()]))
            continue
        key = vs[0].lower()
        rec = merged.setdefault(key, {"name": vs[0], "aliases": [], "countries": [], "codes": []})
        for v in vs[1:]:
            if v.lower() != key and v.lower() not in (a.lower() for a in rec["aliases"]):
                rec["aliases"].append(v)
        if cc not in rec["countries"]:
            rec["countries"].append(cc)
        rec["codes"].append(code)

    # aliases shared between different subdivision records: keep on the first, report the rest
    owner = {}
    for key, rec in merged.items():
        owner[key] = key
    alias_conflicts = []
    for key, rec in merged.items():
        kept = []
        for a in rec["aliases"]:
            k = a.lower()
            if k in owner and owner[k] != key:
                alias_conflicts.append((rec["name"], a, merged[owner[k]]["name"]))
                continue
            owner[k] = key
            kept.append(a)
        rec["aliases"] = kept

    ambiguous = []
    sub_rec = []
    for key, rec in merged.items():
        ccs = rec["countries"]
        if any(c in NO_PARENT for c in rec["codes"]):
            parent = ""
        elif len(ccs) == 1:
            parent = country_name[ccs[0]]
        elif rec["name"] in PREFER:
            parent = country_name[PREFER[rec["name"]]]
        else:
            parent = ""
            ambiguous.append((rec["name"], ", ".join(rec["codes"])))
        sub_rec.append((parent, rec["name"], rec["aliases"]))
    sub_rec.sort(key=lambda r: (r[0].lower(), r[1].lower()))

    lines = [
        "# places.tsv - countries and first-level subdivisions (GENERATED by scripts/gen-places.py; do not edit by hand)",
        f"# Source: Debian package iso-codes {version} (ISO 3166-1 and ISO 3166-2 JSON,",
        "#   /usr/share/iso-codes/json/iso_3166-1.json, iso_3166-2.json), licence LGPL-2.1-or-later.",
        "#   Names are adapted to English-language news usage by the tables in scripts/gen-places.py.",
        "# Record: entity<TAB>NAME<TAB>place<TAB>ALIASES<TAB>PARENT (PARENT = country for subdivisions).",
        "# ISO alpha-3 codes are not aliases (they collide with words and acronyms).",
        "#",
        f"# Skipped subdivisions ({len(skipped)}): common English words, generic direction names or clashes:",
    ]
    for code, nm, reason in skipped:
        lines.append(f"#   {code} {nm} ({reason})")
    lines.append(f"# Dropped because a country has the same name or alias ({len(dropped_country)}):")
    for code, nm, cc in dropped_country:
        lines.append(f"#   {code} {nm} (= {country_name[cc] if cc in country_name else cc})")
    lines.append(f"# Names shared by subdivisions of several countries, kept once with an empty PARENT ({len(ambiguous)}):")
    for nm, codes in ambiguous:
        lines.append(f"#   {nm}: {codes}")
    for code, why in NO_PARENT.items():
        lines.append(f"# Empty PARENT on purpose: {code} {why}")
    lines.append(f"# Aliases dropped because another subdivision record already has them ({len(alias_conflicts)}):")
    for nm, a, other in alias_conflicts:
        lines.append(f"#   {a!s} (of {nm}; kept on {other})")
    lines.append("")
    lines.append(f"# ---- countries ({len(country_rec)})")
    for name, aliases, parent in country_rec:
        for a in [name] + aliases:
            if a in AMBIGUOUS_COUNTRY_ALIAS:
                lines.append(f"# ambiguous-alias: {a} - {AMBIGUOUS_COUNTRY_ALIAS[a]}")
        lines.append(record(name, aliases, parent))
    lines.append("")
    lines.append(f"# ---- first-level subdivisions ({len(sub_rec)}), grouped by country")
    for parent, name, aliases in sub_rec:
        lines.append(record(name, aliases, parent))
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    print(f"gen-places: {len(country_rec)} countries, {len(sub_rec)} subdivisions, {len(skipped)} skipped, "
          f"{len(dropped_country)} dropped (country clash), {len(ambiguous)} shared names -> {args.out}")

if __name__ == "__main__":
    main()
