"""Vocabulary of the demo data: names, places, companies and phone plans of ten countries."""

from __future__ import annotations

from dataclasses import dataclass

from salesdesk.domain.contact import LeadSource
from salesdesk.domain.stages import Stage, UnqualifiedReason

# Invented people and companies. The e-mail domains are invented too but use real top-level
# domains for realism: never send mail to demo contacts.
#
# One block per country, "key: value" lines; an indented line continues the one above.
# Lists are separated by "|". cities: "city|region|postcode|area:digits" separated by ";"
# ('#' in a postcode is a random digit). mobile: "prefix|prefix:digits". Phone prefixes were
# checked with libphonenumber: any subscriber part of that length starting 2-9 is valid.
# "like: DE" copies names, titles and streets from an earlier country. A title written
# "female/male" agrees with the person's gender (Einkaufsleiterin, Einkaufsleiter).
_COUNTRIES = """
code: DE | Deutschland | 49 | de | 40 | 0
female: Anna|Lena|Käthe|Jördis|Sophie|Hannah|Ursula|Brigitte|Frauke|Marie|Gülşen
male: Jürgen|Jörg|Günther|Lukas|Maximilian|Björn|Uwe|Dieter|Sönke|Matthias|Paul
last: Müller|Schmidt|Schneider|Fischer|Weiß|Schröder|Hoffmann|Köhler|Groß|Schäfer|Krüger|Böhm|
  Meißner|Wagner|Becker|Lange|Özdemir|Nguyen|Kowalski
cities: Berlin|Berlin|101##|30:8; Hamburg|Hamburg|200##|40:8; München|Bayern|803##|89:8;
  Köln|Nordrhein-Westfalen|506##|221:7; Frankfurt am Main|Hessen|603##|69:8;
  Stuttgart|Baden-Württemberg|701##|711:7; Leipzig|Sachsen|041##|341:7;
  Düsseldorf|Nordrhein-Westfalen|402##|211:7; Hannover|Niedersachsen|301##|511:7;
  Dresden|Sachsen|010##|351:7
streets: {s} {n} | Hauptstraße|Bahnhofstraße|Goethestraße|Lindenallee|Am Mühlbach|Königsweg|
  Gartenstraße|Schloßstraße
stems: Nord|Süd|Rhein|Alpen|Elb|Hanse|Spree|Main|Isar|Weser
nouns: tec|bau|werke|systeme|logistik|präzision|software|elektro|verpackung|metall
forms: GmbH|GmbH|AG|GmbH & Co. KG|UG (haftungsbeschränkt)|e.K.
titles: Geschäftsführerin/Geschäftsführer|Einkaufsleiterin/Einkaufsleiter|
  Leiterin Vertrieb/Leiter Vertrieb|Prokuristin/Prokurist|Teamleiterin IT/Teamleiter IT|
  Projektmanagerin/Projektmanager|Assistenz der Geschäftsführung|Head of Sales|CTO
mobile: 151|152|157|160|162|170|171|172|173|174|175|176|177|178|179:8
mail: gmx.de|web.de|t-online.de|gmail.com|posteo.de
fairs: Hannover Messe 2026|IFA Berlin 2025|Light + Building 2026|bauma München 2025|
  EMO Hannover 2025

code: AT | Österreich | 43 | at | 8 | 0
like: DE
cities: Wien|Wien|1###|1:7; Graz|Steiermark|80##|316:6; Innsbruck|Tirol|60##|512:6;
  Salzburg|Salzburg|50##|662:6; Linz|Oberösterreich|40##|732:6
stems: Donau|Alpen|Tauern|Inn|Wiener|Steirer
nouns: technik|bau|holz|software|handel|energie
forms: GmbH|AG|KG|OG
mobile: 664|676|660|650:7
mail: gmx.at|aon.at|gmail.com
fairs: Vienna Autoshow 2026|Intertool Wels 2026

code: FR | France | 33 | fr | 10 | 0
female: Amélie|Chloé|Hélène|Léa|Camille|Zoé|Françoise|Inès|Margaux
male: François|Jérôme|Benoît|Théo|Loïc|Gaël|Étienne|Hugo|Noël
last: Dubois|Lefèvre|Moreau|Girard|Fontaine|Chevalier|Lemaître|Bérenger|Rousseau|Mercier|Faure|
  Gauthier
cities: Paris|Île-de-France|750##|14:7; Lyon|Auvergne-Rhône-Alpes|6900#|478:6;
  Marseille|Provence-Alpes-Côte d'Azur|130##|491:6; Bordeaux|Nouvelle-Aquitaine|330##|556:6;
  Lille|Hauts-de-France|590##|320:6; Nantes|Pays de la Loire|440##|240:6
streets: {n} {s} | rue de la République|avenue Jean Jaurès|boulevard Victor Hugo|
  rue du Général Leclerc|place de l'Église|rue des Écoles
stems: Atelier|Groupe|Société|Compagnie|Maison|Ateliers
nouns: Lumière|Océan|Provence|Étoile|Horizon|Alpine|Mistral|Garonne
forms: SARL|SAS|SA|EURL
titles: Directrice commerciale|Directeur général|Responsable achats|Chef de projet|
  Ingénieure d'études|Gérant|Responsable informatique
mobile: 61|62|64|65|66|67|68|73|74|75|76|77|78:7
mail: orange.fr|free.fr|laposte.net|gmail.com
fairs: VivaTech 2026|Salon du Bourget 2025|SIAL Paris 2026

code: PL | Polska | 48 | pl | 8 |
female: Małgorzata|Agnieszka|Zofia|Katarzyna|Joanna|Łucja|Bożena|Aleksandra
male: Łukasz|Paweł|Krzysztof|Michał|Grzegorz|Wojciech|Jędrzej|Tomasz
last: Kowalski|Wiśniewski|Wójcik|Kamiński|Lewandowski|Zieliński|Szymański|Dąbrowski|Woźniak|
  Kozłowski|Jabłoński|Król
cities: Warszawa|mazowieckie|00-###|22:7; Kraków|małopolskie|30-###|12:7;
  Gdańsk|pomorskie|80-###|58:7; Poznań|wielkopolskie|60-###|61:7;
  Wrocław|dolnośląskie|50-###|71:7; Łódź|łódzkie|90-###|42:7
streets: {s} {n} | ul. Marszałkowska|ul. Piotrkowska|ul. Długa|al. Jerozolimskie|
  ul. Świętokrzyska|ul. Żeromskiego
stems: Polbud|Mazowsze|Wisła|Bałtyk|Tatry|Odra
nouns: Technika|Logistyka|Systemy|Serwis|Budownictwo|Energia
forms: Sp. z o.o.|S.A.|Sp. j.
titles: Prezes zarządu|Kierownik zakupów|Dyrektor handlowy|Specjalistka ds. IT|
  Kierowniczka projektu
mobile: 501|502|601|602|691|722|785|880|512:6
mail: wp.pl|onet.pl|interia.pl|gmail.com
fairs: Poznań International Fair 2025|Warsaw Industry Week 2026

code: ES | España | 34 | es | 7 |
female: María|Lucía|Sofía|Inés|Begoña|Maite|Pilar|Nuria
male: José|Álvaro|Íñigo|Andrés|Jesús|Óscar|Rubén|Raúl
last: García|Fernández|González|Martínez|Sánchez|Pérez|Gómez|Núñez|Jiménez|Muñoz|Ibáñez
cities: Madrid|Comunidad de Madrid|280##|91:7; Barcelona|Cataluña|080##|93:7;
  Sevilla|Andalucía|410##|954:6; Valencia|Comunitat Valenciana|460##|96:7;
  Bilbao|País Vasco|480##|94:7; Zaragoza|Aragón|500##|976:6
streets: {s}, {n} | Calle Mayor|Gran Vía|Avenida de la Constitución|Paseo de Gracia|
  Calle Alcalá|Plaza de España
stems: Ibérica|Solar|Mediterráneo|Castilla|Andaluza|Cantábrico
nouns: Ingeniería|Logística|Sistemas|Construcciones|Energía|Tecnología
forms: S.L.|S.A.|S.L.U.
titles: Directora general|Jefe de compras|Responsable de ventas|Ingeniero de proyectos|
  Directora financiera
mobile: 612|622|654|666|686|699|711:6
mail: gmail.com|hotmail.es|yahoo.es|telefonica.net
fairs: Mobile World Congress 2026|FITUR Madrid 2026|Smart City Expo 2025

code: TR | Türkiye | 90 | com.tr | 6 | 0
female: Ayşe|Gülşen|Şule|Zeynep|Elif|Özlem|Büşra|Çiğdem
male: Mehmet|Mustafa|Çağlar|Oğuz|Barış|Gökhan|İbrahim|Şükrü
last: Yılmaz|Kaya|Demir|Şahin|Çelik|Yıldız|Öztürk|Aydın|Doğan|Arslan|Koç
cities: İstanbul|İstanbul|344##|212:7; İstanbul|İstanbul|347##|216:7; Ankara|Ankara|065##|312:7;
  İzmir|İzmir|352##|232:7; Bursa|Bursa|161##|224:7
streets: {s} No: {n} | Atatürk Caddesi|İstiklal Caddesi|Cumhuriyet Bulvarı|
  Gazi Mustafa Kemal Bulvarı|Bağdat Caddesi
stems: Anadolu|Boğaziçi|Ege|Marmara|Kapadokya|Karadeniz
nouns: Makine|Yazılım|Lojistik|İnşaat|Enerji|Tekstil
forms: A.Ş.|Ltd. Şti.
titles: Genel Müdür|Satın Alma Müdürü|Satış Direktörü|Proje Yöneticisi|Bilgi İşlem Sorumlusu
mobile: 532|533|542|505|555|544:7
mail: gmail.com|hotmail.com|yandex.com
fairs: WIN Eurasia 2026|İstanbul Tekstil Fuarı 2025

code: VN | Việt Nam | 84 | vn | 4 | 0
female: Lan|Hương|Thảo|Ngọc|Phương|Trang|Mai|Hằng
male: Minh|Dũng|Tuấn|Hùng|Quang|Đức|Thắng|Phúc
last: Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ
cities: Hà Nội|Hà Nội|100###|242:7; Hà Nội|Hà Nội|100###|243:7;
  Thành phố Hồ Chí Minh|Hồ Chí Minh|700###|283:7; Thành phố Hồ Chí Minh|Hồ Chí Minh|700###|284:7;
  Đà Nẵng|Đà Nẵng|550###|236:7; Hải Phòng|Hải Phòng|180###|225:7
streets: {n} {s} | Phố Huế|Đường Lê Lợi|Đường Nguyễn Huệ|Phố Hàng Bài|Đường Trần Hưng Đạo
stems: Sao Vàng|Hồng Hà|Mekong|Phương Đông|Thăng Long|Sài Gòn
nouns: Công nghệ|Xây dựng|Thương mại|Vận tải|Điện tử
forms: Co., Ltd.|JSC
titles: Giám đốc|Trưởng phòng mua hàng|Kỹ sư dự án|Giám đốc kinh doanh|Kế toán trưởng
mobile: 90|91|93|94|96|97|98|32|35|70|77|83:7
mail: gmail.com|yahoo.com.vn
fairs: Vietnam Expo 2026|Saigon Autotech 2025

code: SE | Sverige | 46 | se | 5 | 0
female: Åsa|Märta|Linnéa|Ingrid|Sofia|Björg|Elin|Maja
male: Björn|Göran|Håkan|Örjan|Lars|Nils|Anders|Måns
last: Andersson|Johansson|Karlsson|Nilsson|Eriksson|Lindström|Sjöberg|Åberg|Bergström|Ström|
  Hägglund
cities: Stockholm|Stockholms län|111 ##|8:7; Göteborg|Västra Götaland|411 ##|31:7;
  Malmö|Skåne|211 ##|40:6; Uppsala|Uppsala län|753 ##|18:6; Linköping|Östergötland|582 ##|13:6
streets: {s} {n} | Storgatan|Drottninggatan|Kungsgatan|Södra vägen|Järnvägsgatan|Skolgatan
stems: Norr|Fjäll|Skog|Älv|Sjö|Nord
nouns: teknik|bygg|data|logistik|kraft|verken
forms: AB|AB|HB
titles: VD|Inköpschef|Försäljningschef|Projektledare|IT-ansvarig|Ekonomichef
mobile: 70|72|73|76|79:7
mail: telia.com|gmail.com|hotmail.se
fairs: Elmia Subcontractor 2025|Stockholm Tech Fair 2026

code: GB | United Kingdom | 44 | co.uk | 7 | 0
female: Olivia|Charlotte|Siobhán|Niamh|Emily|Grace|Chloë|Amelia
male: Oliver|George|Harry|Seán|Rhys|Jack|Noah|Dáithí
last: Smith|Jones|Taylor|Brown|Williams|Wilson|O'Connor|Evans|Thomas|Davies|Walsh
cities: London|Greater London|EC#A #AB|207:7; London|Greater London|SW# #AA|203:7;
  Manchester|Greater Manchester|M# #AE|1612:6; Birmingham|West Midlands|B# #AA|1214:6;
  Leeds|West Yorkshire|LS# #AB|1132:6; Edinburgh|Scotland|EH# #AD|1312:6;
  Glasgow|Scotland|G# #AF|1414:6
streets: {n} {s} | High Street|Station Road|Church Lane|Victoria Road|King's Road|Mill Lane
stems: Albion|Thames|Pennine|Sterling|Crown|Highland
nouns: Engineering|Logistics|Systems|Consulting|Holdings|Supplies
forms: Ltd|Ltd|plc|LLP
titles: Managing Director|Head of Procurement|Sales Director|Project Manager|IT Manager|CFO
mobile: 7400|7500|7800|7900|7701|7707|7708|7910|7917|7918:6
mail: gmail.com|btinternet.com|outlook.com
fairs: The Business Show 2025|Farnborough Airshow 2026|Southern Manufacturing 2026

code: US | United States | 1 | com | 5 |
female: Emma|Madison|Chloe|Zoë|Abigail|Renée|Jasmine|Mia
male: James|Michael|Ethan|José|Tyler|Logan|André|Mason
last: Johnson|Miller|Davis|Rodríguez|Martinez|Anderson|Thompson|White|Harris|Clark
cities: New York|NY|100##|212:7; New York|NY|101##|646:7; San Francisco|CA|941##|415:7;
  Chicago|IL|606##|312:7; Austin|TX|787##|512:7; Seattle|WA|981##|206:7; Boston|MA|021##|617:7
streets: {n} {s} | Main Street|Oak Avenue|Maple Drive|Washington Boulevard|Park Avenue|Elm Street
stems: Liberty|Summit|Pioneer|Golden Gate|Lakeside|Keystone
nouns: Technologies|Industries|Solutions|Logistics|Partners|Labs
forms: Inc.|LLC|Corp.
titles: CEO|VP of Sales|Procurement Manager|Director of IT|Operations Manager|Founder
mobile: :7
mail: gmail.com|yahoo.com|outlook.com|icloud.com
fairs: CES 2026|SXSW 2026|Dreamforce 2025
"""


@dataclass(frozen=True)
class Country:
    """The vocabulary of one country: names, places, companies, phone plan."""

    code: str
    name: str
    cc: str  # calling code
    tld: str
    weight: int
    trunk: str  # dialled before a national number ("0"; none in PL, ES, US)
    female: tuple[str, ...]
    male: tuple[str, ...]
    last: tuple[str, ...]
    cities: tuple[tuple[str, str, str, str, int], ...]  # city, region, postcode, area, digits
    street_format: str
    streets: tuple[str, ...]
    stems: tuple[str, ...]
    nouns: tuple[str, ...]
    forms: tuple[str, ...]
    titles: tuple[str, ...]
    mobile: tuple[str, ...]  # national prefixes (none in the US: mobiles use area codes)
    mobile_digits: int
    mail: tuple[str, ...]  # private e-mail providers
    fairs: tuple[str, ...]


def _split(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split("|") if part.strip())


_LISTS = ("female", "male", "last", "stems", "nouns", "forms", "titles", "mail", "fairs")


def _parse(text: str) -> tuple[Country, ...]:
    countries: dict[str, Country] = {}
    for block in text.strip().split("\n\n"):
        fields: dict[str, str] = {}
        key = ""
        for line in block.splitlines():
            if line.startswith(" "):
                fields[key] += line.strip()
            else:
                key, _, value = line.partition(":")
                fields[key] = value.strip()
        code, name, cc, tld, weight, trunk = (p.strip() for p in fields["code"].split("|"))
        like = countries.get(fields.get("like", ""))
        if like is not None:
            for copied in ("female", "male", "last", "titles"):
                fields[copied] = "|".join(getattr(like, copied))
            fields["streets"] = like.street_format + " | " + "|".join(like.streets)
        cities = []
        for entry in fields["cities"].split(";"):
            city, region, postcode, area = (p.strip() for p in entry.split("|"))
            prefix, digits = area.split(":")
            cities.append((city, region, postcode, prefix, int(digits)))
        street_format, _, streets = fields["streets"].partition(" | ")
        mobile, _, digits = fields["mobile"].rpartition(":")
        lists = {k: _split(fields[k]) for k in _LISTS}
        countries[code] = Country(
            code=code, name=name, cc=cc, tld=tld, weight=int(weight), trunk=trunk,
            female=lists["female"], male=lists["male"], last=lists["last"],
            cities=tuple(cities), street_format=street_format, streets=_split(streets),
            stems=lists["stems"], nouns=lists["nouns"], forms=lists["forms"],
            titles=lists["titles"], mobile=_split(mobile), mobile_digits=int(digits),
            mail=lists["mail"], fairs=lists["fairs"],
        )  # fmt: skip
    return tuple(countries.values())


COUNTRIES: tuple[Country, ...] = _parse(_COUNTRIES)


def gendered(title: str, female: bool) -> str:
    """The form of a "female/male" title for the person; other titles stay as they are."""
    her, slash, his = title.partition("/")
    if not slash:
        return title
    return her if female else his


TAGS = _split(
    "VIP|Newsletter|Partner|Reseller|Enterprise|SMB|Public sector|Key account|Decision maker|"
    "Technical|Follow-up|Export|Öffentlicher Dienst|Référence|Pilot"
)
PRODUCTS = _split(
    "the cloud edition|on-premise licences|the service contract|the API package|"
    "training for 20 users|the starter plan|a pilot project"
)
CONSENT_HOW = _split(
    "web form (double opt-in)|trade show badge scan|newsletter sign-up|verbal, on the phone|"
    "signed form"
)
SOCIAL = _split("LinkedIn|XING|Instagram|Twitter/X|Facebook")
WEBSITE = _split("Contact form|Whitepaper download|Webinar: Digital sales|Pricing page|Live chat")
MONTHS = _split("January|February|March|April|May|June|July|August|September|October")
MONTHS += ("November", "December")
REASONS = (
    *(r.value for r in UnqualifiedReason),
    "chose a competitor (cheaper offer)",
    "project cancelled",
    "company closed",
)
TEAM = ("Jana Kovač", "Ben Okafor", "Lena Hoffmann", "Tomás Ruiz")
"""The demo's sales team: owners of its contacts and authors of its history and calls."""


def demo_team(user: str) -> tuple[str, ...]:
    """Who works the demo's contacts: the user first (so "My contacts" shows some), then
    the demo's colleagues."""
    return tuple(dict.fromkeys([*([user] if user else []), *TEAM]))


SPAN_DAYS = 730  # demo contacts arrive over the two years before ``now``

# Weighted choices: (item, weight). A funnel: many new leads, few customers.
FUNNEL = ((Stage.NEW, 30), (Stage.WORKING, 25), (Stage.NURTURING, 12), (Stage.UNQUALIFIED, 10),
          (Stage.PROSPECT, 13), (Stage.CUSTOMER, 10))  # fmt: skip
PATHS: dict[Stage, tuple[tuple[int, str], ...]] = {
    Stage.NEW: ((1, "new"),),
    Stage.WORKING: ((85, "new working"), (15, "working")),
    Stage.NURTURING: ((60, "new working nurturing"), (40, "new nurturing")),
    Stage.UNQUALIFIED: ((50, "new unqualified"), (50, "new working unqualified")),
    Stage.PROSPECT: ((70, "new working prospect"), (20, "new working nurturing working prospect"),
                     (10, "new prospect working prospect")),
    Stage.CUSTOMER: ((80, "new working prospect customer"),
                     (20, "new working nurturing prospect customer")),
}  # fmt: skip
SOURCES = ((LeadSource.WEBSITE, 25), (LeadSource.TRADE_SHOW, 18), (LeadSource.NEWSLETTER, 12),
           (LeadSource.SOCIAL, 10), (LeadSource.COLD_CALL, 10), (LeadSource.IMPORT, 8),
           (LeadSource.OTHER, 2))  # fmt: skip
