-- The relapse plan names its high-risk triggers by UUID instead of row id: the plan syncs as
-- one record, and row ids differ between computers, so an id would name another trigger (or
-- none) elsewhere. `sos/plan.rs` turns them back into this computer's ids when it reads.
UPDATE relapse_plan
SET data = json_set(
    data,
    '$.highRiskTriggers',
    -- json(): a subquery's result loses its JSON type, and would be kept as a string.
    json((SELECT json_group_array(t.uuid)
          FROM json_each(relapse_plan.data, '$.highRiskTriggers') AS j
          JOIN triggers AS t ON t.id = j.value))
)
WHERE json_valid(data);
