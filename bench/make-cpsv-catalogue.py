"""Writes a large CPSV-AP 3.2 catalogue in Turtle for bench/rdf-parse.sh: public services of many organisations, each
with titles and descriptions in three languages (some over several lines), costs, channels, processing times,
CCCEV requirements with evidence, outputs, life events, blank nodes and a collection per service. Deterministic.

    python3 make-cpsv-catalogue.py OUT.ttl [MEGABYTES]
"""
import random
import sys

out, megabytes = sys.argv[1], float(sys.argv[2]) if len(sys.argv) > 2 else 12
random.seed(20261204)
words = ("ansökan tillstånd registrering intyg bidrag skatt företag bostad barn skola vård arbete pension flytt "
         "application permit registration certificate grant tax business housing child school care work pension move").split()


def text(n):
    return " ".join(random.choice(words) for _ in range(n))


with open(out, "w", encoding="utf-8") as f:
    f.write("""@prefix cpsv: <http://purl.org/vocab/cpsv#> .
@prefix cv: <http://data.europa.eu/m8g/> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@base <https://catalogue.example/> .

""")
    organisations = 400
    for o in range(organisations):
        f.write(f'<org/{o}> a cv:PublicOrganisation ;\n    skos:prefLabel "Myndighet {o}"@sv, "Agency {o}"@en ;\n'
                f'    dct:spatial <http://publications.europa.eu/resource/authority/country/SWE> .\n\n')
    s = 0
    while f.tell() < megabytes * 1024 * 1024:
        o = random.randrange(organisations)
        f.write(f"""<service/{s}> a cpsv:PublicService ;
    dct:identifier "service-{s}" ;
    dct:title "{text(4)}"@sv, "{text(4)}"@en, "{text(4)}"@fi ;
    dct:description \"\"\"{text(12)}
{text(10)}\"\"\"@sv, "{text(14)}"@en ;
    cv:hasCompetentAuthority <org/{o}> ;
    cv:processingTime "P{random.randint(1, 30)}D"^^xsd:duration ;
    cv:hasCost [ a cv:Cost ; dct:identifier "cost-{s}" ; cv:hasValue {random.randint(0, 5000)}.{random.randint(0, 99):02d}e0 ;
        dct:description "Avgift {random.randint(0, 900)} kr"@sv ] ;
    cv:hasChannel [ a cv:Channel ; dct:identifier "channel-{s}" ; foaf:page <https://www.example.se/e-tjanst/{s}> ] ;
    cv:holdsRequirement <service/{s}/requirement> ;
    cpsv:produces [ a cv:Output ; dct:identifier "output-{s}" ; dct:title "{text(3)}"@en ] ;
    cv:isGroupedBy <event/{s % 40}> ;
    cv:sector ( <sector/{s % 7}> <sector/{(s + 3) % 7}> ) ;
    dct:requires <service/{max(0, s - 1)}> ;
    cv:isClassifiedBy [ a skos:Concept ; skos:prefLabel '{text(2)}'@en ; skos:notation {s} ] ;
    cv:hasLegalResource <https://lagen.example/sfs/{random.randint(1900, 2026)}:{random.randint(1, 999)}> .

<service/{s}/requirement> a cv:Requirement ; dct:identifier "req-{s}" ; dct:title "{text(5)}"@en ;
    cv:hasSupportingEvidence [ a cv:Evidence ; dct:identifier "evidence-{s}" ; dct:title "{text(3)}"@sv ; dct:description "Intyg\\t\\"{s}\\""@sv ] .

""")
        s += 1
    for e in range(40):
        f.write(f'<event/{e}> a cv:LifeEvent, cv:Event ; dct:identifier "event-{e}" ; dct:title "{text(3)}"@en .\n')
