-- Questions an analyst of China's space diplomacy asks, and the SQL that answers them.
-- Run one with:   spacecoop query "<the SQL>"      (against the newest release; --version V for another)
-- Each query is checked against the seeds release by tests/analysis/test_queries.py.
-- Tables and columns: docs/data-dictionary.md. Every answer can be traced to its words:
-- join `evidence` on fact_id, or `spacecoop explain <id>`, or open the release's report.html.

-- 1. Which countries belong to both the ILRS and the Artemis Accords, according to which sources?
select m.member, m.organization, m.joined, e.doc_id, e.evidence_id, e.quote
from memberships m join evidence e on e.fact_id = m.membership_id
where m.member_type = 'country'
  and m.organization in ('ILRS', 'Artemis Accords')
  and m.member in (select member from memberships where organization = 'ILRS'
                   intersect
                   select member from memberships where organization = 'Artemis Accords')
order by m.member, m.organization, e.doc_id;

-- 2. Who joined the ILRS, and when?
select member, member_type, role, joined
from memberships
where organization = 'ILRS'
order by joined_year nulls last, joined, member;

-- 3. How many members does each framework have, and how many of them are countries?
select organization,
       count(*) as members,
       count(*) filter (where member_type = 'country') as countries,
       count(*) filter (where role = 'founder') as founders,
       count(joined_year) as with_year_joined
from memberships
group by organization
order by members desc, organization;

-- 4. Which countries hedge: in how many frameworks is each country, and which?
select member, member_iso3, count(*) as frameworks, list(organization order by organization) as organizations
from memberships
where member_type = 'country'
group by member, member_iso3
having count(*) > 1
order by frameworks desc, member;

-- 5. How did each framework grow, year by year (members whose year is stated)?
select organization, joined_year, count(*) as joined,
       sum(count(*)) over (partition by organization order by joined_year) as members_so_far
from memberships
where joined_year is not null
group by organization, joined_year
order by organization, joined_year;

-- 6. With which partners has China concluded agreements, and how many?
select partner, count(*) as agreements, list(title order by signed nulls last, title) as titles
from (select unnest(parties) as partner, title, signed
      from agreements where list_contains(parties, 'China'))
where partner <> 'China'
group by partner
order by agreements desc, partner;

-- 7. Which instruments are not simply in force: announced, proposed or terminated?
select title, agreement_type, parties, signed, status
from agreements
where status in ('announced', 'proposed', 'terminated')
order by status, signed nulls last, title;

-- 8. Which missions have foreign partners, and who are they?
select name, target, launch_date, len(partners) as partner_count, partners
from missions
where len(partners) > 0
order by partner_count desc, name;

-- 9. Who are China's most frequent partners across missions and agreements?
with mentions as (
    select unnest(partners) as partner, 'mission' as kind, name as item from missions
    union all
    select unnest(parties), 'agreement', title from agreements where list_contains(parties, 'China')
)
select partner, count(*) filter (where kind = 'mission') as missions,
       count(*) filter (where kind = 'agreement') as agreements, count(*) as total
from mentions
where partner <> 'China'
group by partner
order by total desc, partner;

-- 10. How well corroborated are the facts: in how many documents is each stated?
select fact_table, documents, count(*) as facts
from (select fact_table, fact_id, count(distinct doc_id) as documents from evidence group by all)
group by all
order by fact_table, documents;

-- 11. Which facts rest on more than one document, and which ones?
select e.fact_table, e.fact_id, count(distinct e.doc_id) as documents, list(distinct e.doc_id order by e.doc_id) as sources
from evidence e
group by e.fact_table, e.fact_id
having count(distinct e.doc_id) > 1
order by documents desc, e.fact_table, e.fact_id;

-- 12. Where do the sources disagree, and which value was published?
select c.fact_table, c.fact_id, c.attribute, c.value, c.chosen, c.doc_id,
       substr(d.text, c.char_start + 1, c.char_end - c.char_start) as quote
from conflicts c join documents d using (doc_id)
order by c.fact_id, c.attribute, c.chosen desc, c.value;

-- 13. Which documents contribute the most facts, per table?
select d.doc_id, d.title,
       count(distinct e.fact_id) filter (where e.fact_table = 'memberships') as memberships,
       count(distinct e.fact_id) filter (where e.fact_table = 'agreements') as agreements,
       count(distinct e.fact_id) filter (where e.fact_table = 'missions') as missions,
       count(*) as evidence_spans
from documents d left join evidence e using (doc_id)
group by d.doc_id, d.title
order by evidence_spans desc, d.doc_id;

-- 14. The words behind every agreement between China and Russia
select a.title, a.signed, a.status, e.doc_id, e.quote
from agreements a join evidence e on e.fact_id = a.agreement_id
where list_has_all(a.parties, ['China', 'Russia'])
order by a.signed nulls last, a.title, e.doc_id;

-- 15. Data gaps: memberships whose sources do not say when they began
select organization, count(*) as undated, list(member order by member) as members
from memberships
where joined is null
group by organization
order by undated desc, organization;
