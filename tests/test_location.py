"""extract/rules/location.py: where the role is, on lines we wrote (cues addressed to the hire, remote
scopes, the company's own places not counting, places GeoNames knows that our old list did not)."""

from __future__ import annotations

import pytest

from careerladder import extract, parse, read_text


def locations(text: str) -> list[str]:
    doc, = read_text(text, "pasted.txt")
    return [r.value for role in parse(doc, "pasted.txt", any_text=True) for r in extract(role).requirements
            if r.type == "location"]


@pytest.mark.parametrize("line, expected", [
    ('Based in Leuven, Belgium (hybrid, two days a week).', ['Leuven, Belgium']),
    ('This is a remote role open to candidates living in Portugal or Spain.', ['Portugal or Spain']),
    ('Hybrid in Eindhoven: three days a week in the office.', ['Eindhoven']),
    ('Remote – Canada only.', ['Canada']),
    ('You must be authorized to work in the United States.', ['United States']),
    ("We're a remote-first company headquartered in Austin, TX.", []),
    ('Our customers in 40 countries rely on us every day.', []),
    ('Candidates must reside in Ontario or British Columbia.', ['Ontario or British Columbia']),
    ('Open to remote applicants within UTC-3 to UTC+3.', []),
    ('On-site in Kraków, Poland.', ['Kraków, Poland']),
    ('Relocation to Tallinn is supported for this role.', ['Tallinn']),
    ('The role sits in our Bristol office.', ['Bristol']),
    ('Remote (Americas time zones).', ['Americas']),
    ('Remote, LATAM.', ['LATAM']),
    ("You'll join our team in Cluj-Napoca.", ['Cluj-Napoca']),
    ('Work from our Lagos or Nairobi hubs.', ['Lagos or Nairobi']),
    ('Experience with Delta Lake and Spark; the role is remote within Germany.', ['Germany']),
    ('Remote, Mobile-first team building our iOS app.', []),
    ('Hiring in São Paulo and Recife.', ['São Paulo and Recife']),
    ('Position located in Raleigh, NC.', ['Raleigh, NC']),
    ('You can work from anywhere in Europe.', ['Europe']),
    ('This position can be performed remotely from anywhere in Canada or the US.', ['Canada or the US']),
    ('📍 Guadalajara, Mexico', ['Guadalajara, Mexico']),
    ('We have offices in Toronto, but this role is remote within Canada.', ['Canada']),
    ('Applicants must live within commuting distance of Denver, CO.', ['Denver, CO']),
    ('Remote (Germany, Austria, Switzerland)', ['Germany, Austria, Switzerland']),
    ('Remote - Philippines', ['Philippines']),
    ('We work hybrid from Utrecht.', ['Utrecht']),
    ('Either remote in Colombia or on-site in Medellín.', ['Colombia', 'Medellín']),
    ('You will travel to customers across Texas.', []),
    ('You will be based at our Leeds site.', ['Leeds']),
    ('Candidates from Pakistan, India or Bangladesh are welcome.', ['Pakistan, India or Bangladesh']),
    ('Must overlap with US Eastern hours.', ['US']),
    ('Based out of Thessaloniki or Athens.', ['Thessaloniki or Athens']),
    ('This role is hybrid from our Aarhus office.', ['Aarhus']),
    ('Remote within the EU; occasional travel to Vilnius.', ['EU']),
    ('Reading, UK (hybrid)', ['Reading, UK']),
    ('You must be located in Mobile, AL.', ['Mobile, AL']),
    ('Nice to have: remote experience in Aurora and Phoenix.', []),
    ("We're hiring in Lyon and Grenoble.", ['Lyon and Grenoble']),
    ('Location: Kitchener-Waterloo, ON', ['Kitchener-Waterloo, ON']),
    ('Country: Estonia', ['Estonia']),
    ('We can currently hire in the following countries: Chile, Kenya, Norway and Vietnam.',
     ['Chile', 'Kenya', 'Norway', 'Vietnam']),
    ('Hiring in the following locations: Austin, TX and Chile.', ['Austin, TX and Chile']),
    ('Where: Remote (US)', ['US']),
    ('Office: Rotterdam, hybrid', ['Rotterdam']),
    ('Eligible to work in Australia or New Zealand.', ['Australia or New Zealand']),
    ('Remote, but you must be within two hours of Chicago.', ['Chicago']),
    ('Our Jakarta team is hiring: you will be based in Jakarta.', ['Jakarta']),
    ('Join us in Bengaluru or remotely from anywhere in India.', ['Bengaluru', 'India']),
    ('The company was founded in Stockholm in 2015.', []),
    ('You will partner with teams in London and Singapore.', []),
    ('This position is based in Tbilisi, Georgia.', ['Tbilisi, Georgia']),
    ('Remote (Nordics only).', ['Nordics']),
    ('You will work from our Porto studio two days a week.', ['Porto']),
    ('Applicants must currently reside in Texas, Oklahoma or Louisiana.', ['Texas, Oklahoma or Louisiana']),
    ('Open to candidates located in Vietnam, Thailand or Indonesia.', ['Vietnam, Thailand or Indonesia']),
    ('We are a distributed company with people in 14 countries.', []),
    ('Hybrid (Ghent, Belgium) with flexible hours.', ['Ghent, Belgium']),
    ('The successful candidate will be located in Halifax, Nova Scotia.', ['Halifax, Nova Scotia']),
    ('Relocation assistance to Dubai is provided.', ['Dubai']),
    ('Must be able to commute to our Waltham, MA campus.', ['Waltham, MA']),
    ('Our engineering hubs are in Belgrade and Novi Sad.', []),
    ('Remote in the UK or Ireland.', ['UK or Ireland']),
    ('The role requires working Central European Time hours.', []),
    ('Fully remote within Mexico, Colombia, Argentina or Chile.', ['Mexico, Colombia, Argentina or Chile']),
    ("You'll be on-site at our Boise, ID plant.", ['Boise, ID']),
    ('Candidates in Quebec must speak French.', ['Quebec']),
    ('This is an in-office role in Osaka.', ['Osaka']),
    ('We sell to hospitals across Germany and Austria.', []),
    ('Work location: Kuala Lumpur (hybrid)', ['Kuala Lumpur (hybrid)']),
    ('US-based candidates only; we cannot sponsor visas.', ['US']),
    ('Valletta or remote', ['Valletta']),
    ('Gdańsk, Poland and fully remote', ['Gdańsk, Poland']),
    ('This opening is for residents of Uruguay who enjoy field work.', ['Uruguay']),
    ('Applicants from Kenya or Uganda can apply.', ['Kenya or Uganda']),
    ('Location(s): Aberdeen, Scotland; Galway, Ireland', ['Aberdeen, Scotland', 'Galway, Ireland']),
    ('Location: remote; the team meets twice a year in Seville.', []),
    ('Hybrid – two days a week in Ghent', ['Ghent']),
    ('Greater Manchester area, hybrid', ['Manchester']),
    ('Open to candidates across the Nordics.', ['Nordics']),
    ('Remote-friendly for people in Chile.', ['Chile']),
    ('You should be based in Ireland or the UK.', ['Ireland or the UK']),
    ('Work location is Tampere.', ['Tampere']),
    ("You'll be part of our Valencia studio.", ['Valencia']),
    ('In-person in Kyoto', ['Kyoto']),
    ('The engineering group meets in person twice a year in Porto.', []),
])
def test_location_of_one_line(line, expected):
    assert sorted(locations("What you'll do\n\n- " + line + "\n")) == sorted(expected)


@pytest.mark.parametrize("heading, expected", [
    ("Remote - Philippines", ["Philippines"]),
    ("📍 Guadalajara, Mexico", ["Guadalajara, Mexico"]),
    ("London, UK (Hybrid)", ["London, UK"]),
    ("Life in Berlin", []),
    ("Remote (Ireland time zone)", ["Ireland"]),
    ("Hybrid – Oslo office", ["Oslo"]),
])
def test_a_line_naming_only_places_is_the_roles_place_even_as_a_heading(heading, expected):
    text = (f"Engineering Manager\n\n{heading}\n\nAbout the job\n\nWe are hiring an engineering manager for our "
            "payments team. Apply with your CV.\n\nEmployment type: Full-time\nSalary: $150,000\n\n"
            "Requirements\n\n- 5+ years of experience\n")
    assert locations(text) == expected


def test_the_records_location_field_counts_beside_the_text():
    doc, = read_text("title,location,description\nEngineering Manager,\"US, CA, San Mateo\","
                     "\"Lead the payments team | San Mateo | onsite. You will hire engineers.\"\n", "jobs.csv")
    values = [r.value for role in parse(doc, "jobs.csv", any_text=True) for r in extract(role).requirements
              if r.type == "location"]
    assert "US, CA, San Mateo" in values
