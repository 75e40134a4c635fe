<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name></name>
    <message>
        <location filename="../../src/salesdesk/ui/actions.py" line="70"/>
        <location filename="../../src/salesdesk/ui/actions.py" line="80"/>
        <location filename="../../src/salesdesk/ui/actions.py" line="124"/>
        <source>Open workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/actions.py" line="71"/>
        <source>SalesDesk is still working on the current workspace. Open the other one when it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/actions.py" line="83"/>
        <source>Opening the workspace… An older workspace is backed up and upgraded first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/actions.py" line="102"/>
        <source>Workspace upgraded; the previous version was kept in {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/actions.py" line="111"/>
        <location filename="../../src/salesdesk/ui/actions.py" line="117"/>
        <source>New workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/actions.py" line="118"/>
        <source>{0} exists already. Use File &gt; Open to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/actions.py" line="132"/>
        <source>Open shared database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/actions.py" line="133"/>
        <source>PostgreSQL URL (postgresql://user@server/database):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/actions.py" line="169"/>
        <source>Opening the sample company…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_edits.py" line="99"/>
        <source>Set {0}&apos;s {1} quota to {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_edits.py" line="106"/>
        <location filename="../../src/salesdesk/ui/dialogs/quota_plan_dialogs.py" line="152"/>
        <source>Split {0}&apos;s target top-down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_edits.py" line="112"/>
        <source>Roll {0} up from its reps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_edits.py" line="118"/>
        <source>Undo: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_edits.py" line="140"/>
        <source>Change the seasonality and ramp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_edits.py" line="150"/>
        <source>New {0} quota plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_edits.py" line="156"/>
        <source>New draft of the {0} plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_edits.py" line="164"/>
        <location filename="../../src/salesdesk/ui/actions.py" line="175"/>
        <source>Import {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_edits.py" line="200"/>
        <source>Delete draft version {0} of the {1} plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_edits.py" line="245"/>
        <source>Draft version {0} made again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_edits.py" line="283"/>
        <source>Export quota sheets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_edits.py" line="296"/>
        <source>Writing the quota sheets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_edits.py" line="301"/>
        <source>Version {0} of the {1} plan (the plan in force) saved to {2}: {3} reps in {4} teams, closed won counted up to {5}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_edits.py" line="307"/>
        <source>Import an edited quota sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_edits.py" line="318"/>
        <source>Checking the quota sheet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_edits.py" line="329"/>
        <source>{0} changes nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_edits.py" line="343"/>
        <source>{0} was refused; nothing was applied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_edits.py" line="346"/>
        <source>Import quota sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/actions.py" line="200"/>
        <source>Importing {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_board_actions.py" line="78"/>
        <source>Import leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_board_actions.py" line="99"/>
        <source>Export leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_board_actions.py" line="101"/>
        <location filename="../../src/salesdesk/ui/actions.py" line="208"/>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_board_actions.py" line="115"/>
        <source>Exporting leads…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_board_actions.py" line="117"/>
        <source>Exported {0:,} leads to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_board_actions.py" line="143"/>
        <source>No saved views yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_board_actions.py" line="145"/>
        <source>Save this view…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_board_actions.py" line="146"/>
        <source>Delete a view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_board_actions.py" line="164"/>
        <source>Save this view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_board_actions.py" line="165"/>
        <source>Name of the view:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_board_actions.py" line="186"/>
        <location filename="../../src/salesdesk/ui/models/contact_times_model.py" line="70"/>
        <location filename="../../src/salesdesk/ui/lead_board_tab.py" line="113"/>
        <source>Leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_board_actions.py" line="186"/>
        <source>Select leads first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_board_actions.py" line="203"/>
        <source>Assign {0:,} leads to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_board_actions.py" line="223"/>
        <source>Change the status of {0:,} leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_board_actions.py" line="244"/>
        <source>Add {0:,} leads to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_board_actions.py" line="244"/>
        <source>Remove {0:,} leads from {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/actions.py" line="213"/>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/actions.py" line="216"/>
        <source>Exported {0} rows to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/actions.py" line="222"/>
        <source>Export team roster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/actions.py" line="228"/>
        <source>Export accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/routing_model.py" line="29"/>
        <source>territory {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/routing_model.py" line="30"/>
        <source>no territory: any rep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/routing_model.py" line="31"/>
        <source>territory {0} has no reps: any rep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/routing_model.py" line="32"/>
        <source>territory {0} is full: any rep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/routing_model.py" line="33"/>
        <source>skill {0} {1}/5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/routing_model.py" line="34"/>
        <source>no rep has the skills asked for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/routing_model.py" line="35"/>
        <source>{0} of {1} open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/routing_model.py" line="36"/>
        <source>ramping: {0}% of full capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/routing_model.py" line="37"/>
        <source>no reps to route to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/routing_model.py" line="39"/>
        <source>all {0} reps of territory {1} are at capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/routing_model.py" line="40"/>
        <source>all {0} reps are at capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/routing_model.py" line="142"/>
        <location filename="../../src/salesdesk/ui/models/routing_model.py" line="149"/>
        <location filename="../../src/salesdesk/ui/models/duplicate_groups_model.py" line="99"/>
        <source>Lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/routing_model.py" line="144"/>
        <source>Proposed rep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/routing_model.py" line="145"/>
        <source>Why this rep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/routing_model.py" line="151"/>
        <source>Why nobody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/routing_model.py" line="159"/>
        <location filename="../../src/salesdesk/ui/models/coverage_model.py" line="184"/>
        <location filename="../../src/salesdesk/ui/dialogs/contact_times_dialog.py" line="105"/>
        <location filename="../../src/salesdesk/ui/dialogs/quota_import_dialog.py" line="56"/>
        <location filename="../../src/salesdesk/ui/dialogs/assign_rep_dialog.py" line="38"/>
        <location filename="../../src/salesdesk/ui/team_format.py" line="41"/>
        <source>Rep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/routing_model.py" line="160"/>
        <source>New leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/routing_model.py" line="161"/>
        <source>Open before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/routing_model.py" line="163"/>
        <source>Open after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/routing_model.py" line="167"/>
        <source>Effective capacity today: ramping reps carry proportionally fewer leads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/routing_model.py" line="169"/>
        <source>In use after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/routing_model.py" line="175"/>
        <location filename="../../src/salesdesk/ui/models/duplicate_groups_model.py" line="131"/>
        <location filename="../../src/salesdesk/ui/lead_board_tab.py" line="238"/>
        <location filename="../../src/salesdesk/ui/dialogs/lead_bulk_dialogs.py" line="32"/>
        <source>1 lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/routing_model.py" line="175"/>
        <location filename="../../src/salesdesk/ui/models/duplicate_groups_model.py" line="131"/>
        <source>{0} leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/routing_model.py" line="176"/>
        <source>{0}: {1}, {2}/{3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/members_model.py" line="60"/>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="46"/>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="147"/>
        <location filename="../../src/salesdesk/ui/dialogs/assign_rep_dialog.py" line="38"/>
        <location filename="../../src/salesdesk/ui/team_format.py" line="41"/>
        <location filename="../../src/salesdesk/ui/team_views.py" line="310"/>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/assign_rep_dialog.py" line="38"/>
        <location filename="../../src/salesdesk/ui/team_format.py" line="41"/>
        <source>Admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/assign_rep_dialog.py" line="45"/>
        <source>Assign a rep to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/assign_rep_dialog.py" line="55"/>
        <source>Ends on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/assign_rep_dialog.py" line="65"/>
        <source>&amp;Rep:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/assign_rep_dialog.py" line="66"/>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/assign_rep_dialog.py" line="67"/>
        <source>Until:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_bulk_dialogs.py" line="43"/>
        <location filename="../../src/salesdesk/ui/dialogs/lead_bulk_dialogs.py" line="59"/>
        <source>Change status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_bulk_dialogs.py" line="53"/>
        <source>Move {0} to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_bulk_dialogs.py" line="73"/>
        <source>Reason (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_bulk_dialogs.py" line="74"/>
        <source>e.g. price objection, no budget, bad timing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_bulk_dialogs.py" line="75"/>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_bulk_dialogs.py" line="77"/>
        <source>{0} needs a reason; it also sorts the leads into segments such as price objection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_bulk_dialogs.py" line="79"/>
        <source>A lead that cannot make this move is named, and then none is changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_bulk_dialogs.py" line="84"/>
        <source>Reason: say why these leads are {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_bulk_dialogs.py" line="101"/>
        <source>Add {0} to the segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_bulk_dialogs.py" line="103"/>
        <source>Take {0} out of the segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_bulk_dialogs.py" line="110"/>
        <source>a segment, or a new name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_bulk_dialogs.py" line="129"/>
        <source>Leads added by hand stay in the segment whatever its rules say. A new name makes a hand-made segment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_bulk_dialogs.py" line="131"/>
        <source>Only what was added by hand is taken out: a lead the segment&apos;s rules match stays in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_bulk_dialogs.py" line="136"/>
        <source>Segment: choose one or type a new name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_bulk_dialogs.py" line="157"/>
        <source>Assign leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_bulk_dialogs.py" line="160"/>
        <source>Nobody (unassign)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_bulk_dialogs.py" line="170"/>
        <source>type a rep&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_bulk_dialogs.py" line="173"/>
        <source>Give {0} to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_bulk_dialogs.py" line="176"/>
        <source>A manual assignment overrides routing; undo gives each lead back to the rep it had.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_bulk_dialogs.py" line="179"/>
        <location filename="../../src/salesdesk/ui/dialogs/assign_rep_dialog.py" line="68"/>
        <source>Assign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_bulk_dialogs.py" line="194"/>
        <source>Rep: no active rep is called “{0}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_bulk_dialogs.py" line="195"/>
        <source>Rep: choose who gets the leads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/assign_rep_dialog.py" line="82"/>
        <source>Rep: nobody in the team is active; add or re-hire someone first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/assign_rep_dialog.py" line="84"/>
        <source>End date: it is before the start date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/import_report_dialog.py" line="38"/>
        <source>Import finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/import_report_dialog.py" line="39"/>
        <source>Nothing else to report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/import_report_dialog.py" line="45"/>
        <source>{0}: nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/import_report_dialog.py" line="47"/>
        <source>Import refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/members_model.py" line="57"/>
        <location filename="../../src/salesdesk/ui/models/hierarchy_model.py" line="133"/>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="45"/>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="144"/>
        <location filename="../../src/salesdesk/ui/dialogs/team_dialog.py" line="60"/>
        <location filename="../../src/salesdesk/ui/dialogs/pipeline_name_dialog.py" line="78"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_format.py" line="67"/>
        <location filename="../../src/salesdesk/ui/models/members_model.py" line="61"/>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="45"/>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="145"/>
        <location filename="../../src/salesdesk/ui/team_views.py" line="310"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/members_model.py" line="58"/>
        <location filename="../../src/salesdesk/ui/models/hierarchy_model.py" line="133"/>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="45"/>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="146"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/members_model.py" line="59"/>
        <location filename="../../src/salesdesk/ui/models/hierarchy_model.py" line="134"/>
        <location filename="../../src/salesdesk/ui/forecast_widgets.py" line="75"/>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="46"/>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="47"/>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="148"/>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/routing_model.py" line="165"/>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="47"/>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="151"/>
        <location filename="../../src/salesdesk/ui/team_views.py" line="311"/>
        <source>Capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="48"/>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="150"/>
        <source>Ramp-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="48"/>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="127"/>
        <source>Hired on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="49"/>
        <location filename="../../src/salesdesk/ui/dialogs/team_dialog.py" line="94"/>
        <source>Skill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="49"/>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="256"/>
        <source>Left on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_format.py" line="51"/>
        <source>Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_format.py" line="52"/>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="154"/>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="171"/>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="155"/>
        <source>Best case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_format.py" line="53"/>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="153"/>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="171"/>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="155"/>
        <source>Commit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_format.py" line="53"/>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_format.py" line="54"/>
        <source>Omitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_format.py" line="67"/>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="103"/>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="162"/>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="112"/>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_format.py" line="68"/>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="113"/>
        <source>Meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_format.py" line="68"/>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_format.py" line="91"/>
        <source>less than a day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_format.py" line="93"/>
        <source>1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_format.py" line="94"/>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="319"/>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="132"/>
        <source>{0} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_format.py" line="99"/>
        <location filename="../../src/salesdesk/ui/dialogs/deal_dialog.py" line="181"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_format.py" line="100"/>
        <location filename="../../src/salesdesk/ui/dialogs/deal_dialog.py" line="183"/>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_format.py" line="101"/>
        <location filename="../../src/salesdesk/ui/dialogs/deal_dialog.py" line="184"/>
        <source>Contact email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_format.py" line="101"/>
        <location filename="../../src/salesdesk/ui/deal_format.py" line="102"/>
        <location filename="../../src/salesdesk/ui/lead_detail_panel.py" line="192"/>
        <location filename="../../src/salesdesk/ui/models/lead_table_model.py" line="48"/>
        <location filename="../../src/salesdesk/ui/models/lead_rules_words.py" line="31"/>
        <location filename="../../src/salesdesk/ui/models/deal_list_model.py" line="41"/>
        <location filename="../../src/salesdesk/ui/models/lead_mapping_model.py" line="47"/>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="75"/>
        <location filename="../../src/salesdesk/ui/lead_filters.py" line="61"/>
        <location filename="../../src/salesdesk/ui/dialogs/deal_dialog.py" line="185"/>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="159"/>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="179"/>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_format.py" line="102"/>
        <location filename="../../src/salesdesk/ui/deal_format.py" line="109"/>
        <location filename="../../src/salesdesk/ui/models/deal_list_model.py" line="41"/>
        <location filename="../../src/salesdesk/ui/dialogs/convert_lead_dialog.py" line="111"/>
        <location filename="../../src/salesdesk/ui/dialogs/deal_dialog.py" line="186"/>
        <location filename="../../src/salesdesk/ui/dialogs/stages_dialog.py" line="129"/>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="187"/>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_format.py" line="102"/>
        <location filename="../../src/salesdesk/ui/models/deal_list_model.py" line="42"/>
        <location filename="../../src/salesdesk/ui/dialogs/deal_dialog.py" line="192"/>
        <source>Probability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_format.py" line="103"/>
        <location filename="../../src/salesdesk/ui/dialogs/deal_dialog.py" line="193"/>
        <location filename="../../src/salesdesk/ui/dialogs/stages_dialog.py" line="130"/>
        <source>Forecast category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_format.py" line="103"/>
        <location filename="../../src/salesdesk/ui/models/deal_list_model.py" line="42"/>
        <location filename="../../src/salesdesk/ui/dialogs/convert_lead_dialog.py" line="112"/>
        <location filename="../../src/salesdesk/ui/dialogs/deal_dialog.py" line="131"/>
        <source>Expected close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_format.py" line="104"/>
        <location filename="../../src/salesdesk/ui/dialogs/deal_dialog.py" line="194"/>
        <source>Next step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_format.py" line="104"/>
        <location filename="../../src/salesdesk/ui/models/deal_list_model.py" line="41"/>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="75"/>
        <location filename="../../src/salesdesk/ui/dialogs/convert_lead_dialog.py" line="110"/>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="159"/>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="177"/>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="179"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_format.py" line="104"/>
        <location filename="../../src/salesdesk/ui/deal_format.py" line="105"/>
        <location filename="../../src/salesdesk/ui/models/deal_lines_model.py" line="158"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_format.py" line="105"/>
        <location filename="../../src/salesdesk/ui/models/deal_lines_model.py" line="158"/>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_format.py" line="106"/>
        <source>Unit price</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_format.py" line="106"/>
        <source>Discount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_format.py" line="107"/>
        <location filename="../../src/salesdesk/ui/dialogs/deal_panels.py" line="86"/>
        <location filename="../../src/salesdesk/ui/dialogs/log_activity_dialog.py" line="65"/>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_format.py" line="107"/>
        <location filename="../../src/salesdesk/ui/dialogs/deal_panels.py" line="79"/>
        <location filename="../../src/salesdesk/ui/dialogs/deal_panels.py" line="86"/>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_format.py" line="107"/>
        <location filename="../../src/salesdesk/ui/dialogs/quota_plan_dialogs.py" line="109"/>
        <location filename="../../src/salesdesk/ui/dialogs/lead_import_pages.py" line="305"/>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="113"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_format.py" line="108"/>
        <location filename="../../src/salesdesk/ui/dialogs/deal_panels.py" line="86"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_format.py" line="108"/>
        <source>Rotting after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_format.py" line="109"/>
        <source>Lost reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_format.py" line="119"/>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="59"/>
        <location filename="../../src/salesdesk/ui/dialogs/move_dialogs.py" line="43"/>
        <location filename="../../src/salesdesk/ui/dialogs/pipeline_name_dialog.py" line="50"/>
        <source>{0} is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_format.py" line="120"/>
        <location filename="../../src/salesdesk/ui/models/lead_table_model.py" line="258"/>
        <location filename="../../src/salesdesk/ui/lead_filters.py" line="128"/>
        <location filename="../../src/salesdesk/ui/dialogs/deal_panels.py" line="265"/>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="60"/>
        <location filename="../../src/salesdesk/ui/dialogs/move_dialogs.py" line="41"/>
        <location filename="../../src/salesdesk/ui/dialogs/pipeline_name_dialog.py" line="51"/>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="58"/>
        <location filename="../../src/salesdesk/ui/forecast_drill.py" line="124"/>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="86"/>
        <source>Add member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_edits.py" line="42"/>
        <location filename="../../src/salesdesk/ui/deal_edits.py" line="136"/>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="87"/>
        <source>Edit {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="112"/>
        <location filename="../../src/salesdesk/ui/dialogs/deal_dialog.py" line="122"/>
        <source>First and last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="113"/>
        <source>name@company.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="118"/>
        <source>No manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/deal_list_model.py" line="42"/>
        <location filename="../../src/salesdesk/ui/dialogs/lead_import_pages.py" line="306"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/deal_list_model.py" line="227"/>
        <source>{0} on {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/deal_list_model.py" line="228"/>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="120"/>
        <source>{0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="121"/>
        <location filename="../../src/salesdesk/ui/dialogs/deal_dialog.py" line="169"/>
        <source>{0} — left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/attainment_model.py" line="71"/>
        <location filename="../../src/salesdesk/ui/quota_panels.py" line="151"/>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="124"/>
        <source>No team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/attainment_model.py" line="73"/>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/attainment_model.py" line="91"/>
        <source>{0} over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/attainment_model.py" line="174"/>
        <source>Nothing was due yet by {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/attainment_model.py" line="175"/>
        <source>ahead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/attainment_model.py" line="175"/>
        <source>behind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/attainment_model.py" line="176"/>
        <source>{0}: should be at {1} by {2}, is at {3} ({4} {5})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/attainment_model.py" line="181"/>
        <source>Nothing left to win: coverage does not apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/attainment_model.py" line="182"/>
        <source>{0}: open weighted pipeline {1} over the {2} still to win ({3}×)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/attainment_model.py" line="187"/>
        <source>{0} has no quota in this period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/attainment_model.py" line="188"/>
        <source>{0}: {1} won of a {2} quota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/attainment_model.py" line="202"/>
        <source>over {0}×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/attainment_model.py" line="207"/>
        <location filename="../../src/salesdesk/ui/models/quota_model.py" line="277"/>
        <source>Team / rep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/attainment_model.py" line="207"/>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="198"/>
        <source>Won</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/attainment_model.py" line="208"/>
        <source>Gap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/attainment_model.py" line="208"/>
        <source>Pace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/attainment_model.py" line="209"/>
        <source>Coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/attainment_model.py" line="213"/>
        <source>Closed won over quota: red under 80 %, amber under 100 %, green from 100 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/attainment_model.py" line="215"/>
        <source>Quota still to win (or how far over quota)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/attainment_model.py" line="216"/>
        <source>Won so far over what should be won by now (the quota of the business days elapsed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/attainment_model.py" line="218"/>
        <source>Open weighted pipeline over the quota still to win</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="128"/>
        <source>Leave unticked when the hire date is not known; the member then counts as fully ramped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="131"/>
        <location filename="../../src/salesdesk/ui/dialogs/quota_plan_dialogs.py" line="265"/>
        <source> months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="132"/>
        <source>How long a new hire takes to carry a full load of leads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="133"/>
        <source> open leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="134"/>
        <source>Open leads the member can carry when fully ramped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_edits.py" line="52"/>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="247"/>
        <source>Deactivate {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="252"/>
        <source>{0} stays in reports and history, but gets no new leads and cannot manage anyone. You can reactivate them later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="257"/>
        <source>Deactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/team_dialog.py" line="57"/>
        <source>Add team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/team_dialog.py" line="59"/>
        <source>e.g. North, Enterprise, Inside sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/team_dialog.py" line="87"/>
        <source>Add skill column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/team_dialog.py" line="92"/>
        <source>e.g. German, Enterprise, GTX Pro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/log_activity_dialog.py" line="41"/>
        <source>Log activity with {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/log_activity_dialog.py" line="41"/>
        <source>Log activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/log_activity_dialog.py" line="47"/>
        <source>e.g. Intro call, left a voicemail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/log_activity_dialog.py" line="49"/>
        <source>What was said, what comes next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/log_activity_dialog.py" line="63"/>
        <location filename="../../src/salesdesk/ui/dialogs/team_dialog.py" line="93"/>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="237"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/log_activity_dialog.py" line="66"/>
        <location filename="../../src/salesdesk/ui/dialogs/lead_import_pages.py" line="312"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/log_activity_dialog.py" line="71"/>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/log_activity_dialog.py" line="79"/>
        <source>The first call, e-mail or meeting is the lead&apos;s first contact: it stops the deadline clock, and a new lead becomes contacted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/log_activity_dialog.py" line="82"/>
        <source>A note only records; it does not count as contacting the lead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/log_activity_dialog.py" line="90"/>
        <source>Write the note in Subject or Details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/log_activity_dialog.py" line="94"/>
        <source>When: an activity cannot be logged in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/log_activity_dialog.py" line="124"/>
        <source>Log a {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/territory_dialog.py" line="32"/>
        <source>Edit territory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/territory_dialog.py" line="32"/>
        <source>Add territory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/territory_dialog.py" line="35"/>
        <source>e.g. DACH, US West, Key accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/territory_dialog.py" line="41"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/territory_dialog.py" line="42"/>
        <source>&amp;Inside:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/territory_dialog.py" line="43"/>
        <source>A sub-territory only sees the accounts its parent&apos;s rules match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/territory_dialog.py" line="55"/>
        <source>(top level)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/territory_dialog.py" line="77"/>
        <source>Name: enter a name for the territory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/territory_dialog.py" line="82"/>
        <source>Name: &apos;{0}&apos; exists already at this level.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/workspace_settings_dialog.py" line="41"/>
        <source>January</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/workspace_settings_dialog.py" line="41"/>
        <source>February</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/workspace_settings_dialog.py" line="41"/>
        <source>March</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/workspace_settings_dialog.py" line="41"/>
        <source>April</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/workspace_settings_dialog.py" line="41"/>
        <source>May</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/workspace_settings_dialog.py" line="41"/>
        <source>June</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/workspace_settings_dialog.py" line="42"/>
        <source>July</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/workspace_settings_dialog.py" line="42"/>
        <source>August</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/workspace_settings_dialog.py" line="42"/>
        <source>September</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/workspace_settings_dialog.py" line="42"/>
        <source>October</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/workspace_settings_dialog.py" line="42"/>
        <source>November</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/workspace_settings_dialog.py" line="43"/>
        <source>December</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/workspace_settings_dialog.py" line="48"/>
        <source>Mon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/workspace_settings_dialog.py" line="48"/>
        <source>Tue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/workspace_settings_dialog.py" line="48"/>
        <source>Wed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/workspace_settings_dialog.py" line="48"/>
        <source>Thu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/workspace_settings_dialog.py" line="48"/>
        <source>Fri</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/workspace_settings_dialog.py" line="48"/>
        <source>Sat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/workspace_settings_dialog.py" line="48"/>
        <source>Sun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/workspace_settings_dialog.py" line="64"/>
        <source>Workspace settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/workspace_settings_dialog.py" line="79"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/workspace_settings_dialog.py" line="79"/>
        <source>Add this day to the holidays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/workspace_settings_dialog.py" line="81"/>
        <source>Remove the selected holidays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/workspace_settings_dialog.py" line="104"/>
        <source>Currency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/workspace_settings_dialog.py" line="105"/>
        <source>Every amount in this workspace is in this currency. Changing it does not convert amounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/workspace_settings_dialog.py" line="107"/>
        <source>Fiscal year starts in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/workspace_settings_dialog.py" line="108"/>
        <source>Quarters and years count from this month: with July, 2018-Q1 is July to September 2017.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/workspace_settings_dialog.py" line="110"/>
        <source>Working days:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/workspace_settings_dialog.py" line="111"/>
        <source>Holidays:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/workspace_settings_dialog.py" line="112"/>
        <source>Weekly and daily targets, and months a period covers only in part, are split over the working days that are not holidays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/workspace_settings_dialog.py" line="181"/>
        <source>Working days: tick at least one day of the week.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_format.py" line="99"/>
        <location filename="../../src/salesdesk/ui/models/accounts_model.py" line="39"/>
        <location filename="../../src/salesdesk/ui/models/coverage_model.py" line="156"/>
        <location filename="../../src/salesdesk/ui/models/deal_list_model.py" line="41"/>
        <location filename="../../src/salesdesk/ui/dialogs/deal_dialog.py" line="182"/>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_rules.py" line="38"/>
        <location filename="../../src/salesdesk/ui/models/accounts_model.py" line="39"/>
        <source>Industry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_rules.py" line="36"/>
        <location filename="../../src/salesdesk/ui/models/accounts_model.py" line="39"/>
        <location filename="../../src/salesdesk/ui/models/lead_rules_words.py" line="27"/>
        <location filename="../../src/salesdesk/ui/models/lead_mapping_model.py" line="42"/>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_rules.py" line="36"/>
        <location filename="../../src/salesdesk/ui/models/accounts_model.py" line="39"/>
        <source>Region/state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_rules.py" line="38"/>
        <location filename="../../src/salesdesk/ui/models/accounts_model.py" line="39"/>
        <location filename="../../src/salesdesk/ui/models/lead_rules_words.py" line="28"/>
        <location filename="../../src/salesdesk/ui/models/lead_mapping_model.py" line="43"/>
        <source>Employees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/accounts_model.py" line="40"/>
        <source>Revenue (m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_detail_panel.py" line="185"/>
        <source>Log activity…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_detail_panel.py" line="186"/>
        <source>Convert to deal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_detail_panel.py" line="193"/>
        <location filename="../../src/salesdesk/ui/models/coverage_model.py" line="125"/>
        <location filename="../../src/salesdesk/ui/models/coverage_model.py" line="145"/>
        <location filename="../../src/salesdesk/ui/models/lead_table_model.py" line="48"/>
        <location filename="../../src/salesdesk/ui/models/lead_rules_words.py" line="31"/>
        <location filename="../../src/salesdesk/ui/models/territory_tree_model.py" line="29"/>
        <location filename="../../src/salesdesk/ui/lead_filters.py" line="62"/>
        <location filename="../../src/salesdesk/ui/forecast_widgets.py" line="76"/>
        <source>Territory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_detail_panel.py" line="193"/>
        <location filename="../../src/salesdesk/ui/models/lead_rules_words.py" line="25"/>
        <location filename="../../src/salesdesk/ui/models/lead_mapping_model.py" line="40"/>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="112"/>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_detail_panel.py" line="194"/>
        <location filename="../../src/salesdesk/ui/models/lead_rules_words.py" line="25"/>
        <location filename="../../src/salesdesk/ui/models/lead_mapping_model.py" line="40"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_detail_panel.py" line="195"/>
        <location filename="../../src/salesdesk/ui/models/lead_table_model.py" line="48"/>
        <location filename="../../src/salesdesk/ui/models/lead_rules_words.py" line="28"/>
        <location filename="../../src/salesdesk/ui/models/lead_mapping_model.py" line="43"/>
        <location filename="../../src/salesdesk/ui/lead_filters.py" line="63"/>
        <location filename="../../src/salesdesk/ui/dialogs/contact_times_dialog.py" line="106"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_detail_panel.py" line="195"/>
        <source>Interested in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_detail_panel.py" line="196"/>
        <location filename="../../src/salesdesk/ui/models/lead_table_model.py" line="48"/>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_detail_panel.py" line="213"/>
        <location filename="../../src/salesdesk/ui/models/lead_table_model.py" line="47"/>
        <location filename="../../src/salesdesk/ui/lead_filters.py" line="62"/>
        <source>First contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_detail_panel.py" line="215"/>
        <location filename="../../src/salesdesk/ui/models/lead_table_model.py" line="47"/>
        <location filename="../../src/salesdesk/ui/models/lead_rules_words.py" line="31"/>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_detail_panel.py" line="216"/>
        <location filename="../../src/salesdesk/ui/models/lead_rules_words.py" line="32"/>
        <location filename="../../src/salesdesk/ui/models/lead_mapping_model.py" line="45"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_detail_panel.py" line="251"/>
        <source>Select a lead to see its details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_detail_panel.py" line="252"/>
        <source>Its score explained, its first-contact deadline and its activities show here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_detail_panel.py" line="269"/>
        <source>This lead is gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_detail_panel.py" line="270"/>
        <source>It was deleted or merged into another lead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_detail_panel.py" line="283"/>
        <location filename="../../src/salesdesk/ui/models/segment_rules_model.py" line="351"/>
        <location filename="../../src/salesdesk/ui/models/routing_model.py" line="138"/>
        <location filename="../../src/salesdesk/ui/dialogs/segment_rules_page.py" line="64"/>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_detail_panel.py" line="284"/>
        <source>{0} at {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_detail_panel.py" line="294"/>
        <source>No notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_detail_panel.py" line="301"/>
        <source>({0:,} employees)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_detail_panel.py" line="303"/>
        <source>{0} — {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_detail_panel.py" line="304"/>
        <location filename="../../src/salesdesk/ui/lead_filters.py" line="56"/>
        <location filename="../../src/salesdesk/ui/lead_filters.py" line="197"/>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_detail_panel.py" line="326"/>
        <source>Due {0} · counted in business hours, {1:%H:%M}–{2:%H:%M} ({3})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_detail_panel.py" line="335"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_detail_panel.py" line="345"/>
        <source>{0} / 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_detail_panel.py" line="349"/>
        <source>No rule or profile match adds to this score yet; it is worked out again when the lead or a rule changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_detail_panel.py" line="351"/>
        <source>This score came with the lead (a generated workspace draws its scores), so no rule explains it yet; the rules work it out, point by point, when the lead or a rule changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_detail_panel.py" line="364"/>
        <source>No activity yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_detail_panel.py" line="377"/>
        <source>and {0:,} earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_detail_panel.py" line="383"/>
        <source>Converted to the deal {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_detail_panel.py" line="387"/>
        <source>Already converted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_detail_panel.py" line="388"/>
        <source>Only an open lead can be converted ({0} is not).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territories_tab.py" line="163"/>
        <location filename="../../src/salesdesk/ui/models/coverage_model.py" line="126"/>
        <location filename="../../src/salesdesk/ui/models/coverage_model.py" line="147"/>
        <location filename="../../src/salesdesk/ui/models/territory_tree_model.py" line="29"/>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/coverage_model.py" line="128"/>
        <source>A container: accounts land in its sub-territories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/coverage_model.py" line="129"/>
        <source>{0:,} accounts landed here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/coverage_model.py" line="130"/>
        <source>Share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territories_tab.py" line="162"/>
        <location filename="../../src/salesdesk/ui/models/coverage_model.py" line="132"/>
        <location filename="../../src/salesdesk/ui/models/territory_tree_model.py" line="29"/>
        <source>Reps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/coverage_model.py" line="133"/>
        <source>No rep today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/coverage_model.py" line="146"/>
        <source>Overlaps with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/coverage_model.py" line="148"/>
        <source>{0} accounts match the rules of both; the more specific territory takes them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/coverage_model.py" line="157"/>
        <source>Matched equally by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/coverage_model.py" line="158"/>
        <source>Left unassigned: make one of {0} more specific</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/coverage_model.py" line="171"/>
        <source>starts later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/coverage_model.py" line="173"/>
        <source>ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/coverage_model.py" line="174"/>
        <source>current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/coverage_model.py" line="185"/>
        <location filename="../../src/salesdesk/ui/dialogs/deal_panels.py" line="239"/>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="240"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/coverage_model.py" line="186"/>
        <location filename="../../src/salesdesk/ui/dialogs/deal_panels.py" line="239"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/coverage_model.py" line="186"/>
        <source>open-ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_detail_panel.py" line="192"/>
        <location filename="../../src/salesdesk/ui/models/members_model.py" line="66"/>
        <location filename="../../src/salesdesk/ui/models/coverage_model.py" line="188"/>
        <location filename="../../src/salesdesk/ui/models/lead_table_model.py" line="47"/>
        <location filename="../../src/salesdesk/ui/models/lead_rules_words.py" line="30"/>
        <location filename="../../src/salesdesk/ui/models/lead_mapping_model.py" line="45"/>
        <location filename="../../src/salesdesk/ui/lead_filters.py" line="61"/>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="114"/>
        <location filename="../../src/salesdesk/ui/team_views.py" line="313"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/hierarchy_model.py" line="134"/>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/members_model.py" line="62"/>
        <location filename="../../src/salesdesk/ui/models/hierarchy_model.py" line="135"/>
        <location filename="../../src/salesdesk/ui/team_views.py" line="312"/>
        <source>Territories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/hierarchy_model.py" line="159"/>
        <source>{0} (left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/hierarchy_model.py" line="174"/>
        <source>{0} direct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/hierarchy_model.py" line="175"/>
        <source>{0} direct, {1} in all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/hierarchy_model.py" line="182"/>
        <source>Reports to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/members_model.py" line="62"/>
        <source>Territories the member covers today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/members_model.py" line="63"/>
        <location filename="../../src/salesdesk/ui/team_views.py" line="311"/>
        <source>Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/members_model.py" line="63"/>
        <source>Open leads / effective capacity (capacity is reduced while a new rep ramps up)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/members_model.py" line="65"/>
        <location filename="../../src/salesdesk/ui/team_views.py" line="311"/>
        <source>Ramp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/members_model.py" line="65"/>
        <source>How far a new hire is through the ramp-up period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/skills_model.py" line="115"/>
        <location filename="../../src/salesdesk/ui/forecast_widgets.py" line="75"/>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="197"/>
        <source>Member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/skills_model.py" line="172"/>
        <source>{0} — {1}: {2} of 5 ({3})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/territory_tree_model.py" line="214"/>
        <source>No rep covers this territory today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/territory_tree_model.py" line="216"/>
        <source>{0} has no rules of its own: accounts land in its sub-territories ({1:,} in total).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/territory_tree_model.py" line="218"/>
        <source>{0:,} accounts landed in {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/ops.py" line="111"/>
        <source>Cannot write/read {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/ops.py" line="113"/>
        <source>Something went wrong: {0}. Your data was not changed by the failed action; details were written to the SalesDesk log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_tab.py" line="92"/>
        <source>Management pack…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_tab.py" line="93"/>
        <source>Save an Excel workbook for top management: the figures, these charts as images and the tables behind them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_tab.py" line="95"/>
        <source>Record call…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_tab.py" line="96"/>
        <source>Record your call for this period and scope: the weighted forecast now plus your adjustment, with a comment; it is scored against what is won</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_tab.py" line="98"/>
        <source>History…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_tab.py" line="99"/>
        <source>The stored forecasts of this scope against what was won, and the accuracy of every method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_tab.py" line="102"/>
        <source>Loading the forecast…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_tab.py" line="106"/>
        <source>Forecast vs actual over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_tab.py" line="107"/>
        <source>Forecast to actual: where it went</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_tab.py" line="108"/>
        <source>Conversion funnel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_tab.py" line="109"/>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="196"/>
        <source>Leaderboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_tab.py" line="112"/>
        <source>By month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_tab.py" line="112"/>
        <source>By quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_tab.py" line="169"/>
        <location filename="../../src/salesdesk/ui/charts/panel.py" line="60"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_tab.py" line="243"/>
        <source>Computing the forecast for {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_tab.py" line="274"/>
        <source>The forecast could not be computed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_tab.py" line="277"/>
        <source>Nothing to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_tab.py" line="320"/>
        <source>Computing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_tab.py" line="331"/>
        <source>{0} · {1} · forecast as of the start of {2} · {3:,} deals behind it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_tab.py" line="334"/>
        <source> · computing the charts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_tab.py" line="335"/>
        <source> · computed in {0:.2f} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_tab.py" line="341"/>
        <source>Quota: none for {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_tab.py" line="343"/>
        <location filename="../../src/salesdesk/ui/charts/series.py" line="109"/>
        <source>Quota: no quotas set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_tab.py" line="344"/>
        <source>Forecast at each period&apos;s start vs won in it, against the quota; {0} shaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_tab.py" line="346"/>
        <source>Forecast at each period&apos;s start vs won in it; {0} shaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_tab.py" line="348"/>
        <source>No periods to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_tab.py" line="357"/>
        <source>{0}: forecast on {1} → won by {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_tab.py" line="360"/>
        <source>{0}: forecast on {1} → won so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_tab.py" line="362"/>
        <source>No waterfall for this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_tab.py" line="372"/>
        <source>{0}: deals reaching each stage · {1:,} won, {2:,} lost · win rate {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_tab.py" line="376"/>
        <source>No deals moved in {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_tab.py" line="385"/>
        <source>{0}: {1}, best first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_tab.py" line="387"/>
        <source>Nobody to rank in {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_tab.py" line="419"/>
        <source>Save the chart as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_tab.py" line="420"/>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_tab.py" line="426"/>
        <location filename="../../src/salesdesk/ui/ops.py" line="165"/>
        <location filename="../../src/salesdesk/ui/ops.py" line="177"/>
        <source>SalesDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_tab.py" line="427"/>
        <source>The chart could not be saved to {0}. Check that the folder exists and that you may write there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_tab.py" line="430"/>
        <source>Chart saved to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_tab.py" line="440"/>
        <source>Save the management pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_tab.py" line="442"/>
        <location filename="../../src/salesdesk/ui/quota_edits.py" line="258"/>
        <location filename="../../src/salesdesk/ui/quota_edits.py" line="264"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_tab.py" line="448"/>
        <source>Writing the management pack…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_tab.py" line="453"/>
        <source>Management pack saved to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_tab.py" line="472"/>
        <source>Recording the call…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_tab.py" line="482"/>
        <source>Call recorded for {0} · {1}: {2} (weighted now {3}, adjustment {4}) · “{5}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/ops.py" line="176"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_edits.py" line="34"/>
        <source>Add {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_edits.py" line="63"/>
        <source>Reactivate {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_edits.py" line="79"/>
        <source>Set {0}&apos;s {1} to {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_edits.py" line="91"/>
        <source>Add team {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_edits.py" line="99"/>
        <source>Add skill {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/deal_dialog.py" line="92"/>
        <source>New deal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/deal_dialog.py" line="93"/>
        <source>Deal — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/deal_dialog.py" line="120"/>
        <source>e.g. Acme — 40 seats renewal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/deal_dialog.py" line="123"/>
        <source>name@customer.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/deal_dialog.py" line="138"/>
        <source>e.g. Send the revised quote by Friday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/deal_dialog.py" line="143"/>
        <source>Create deal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/deal_dialog.py" line="152"/>
        <source>No account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/deal_dialog.py" line="163"/>
        <source>No owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/deal_dialog.py" line="199"/>
        <location filename="../../src/salesdesk/ui/team_format.py" line="49"/>
        <source>Products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/deal_dialog.py" line="248"/>
        <source>{0} — since {1} ({2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/deal_dialog.py" line="252"/>
        <source>&lt;b&gt;Won&lt;/b&gt; on {0} for {1}. Created {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/deal_dialog.py" line="256"/>
        <source>&lt;b&gt;Lost&lt;/b&gt; on {0} — reason: {1}. Created {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/deal_dialog.py" line="258"/>
        <source>none given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/deal_dialog.py" line="261"/>
        <source>Created {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/deal_dialog.py" line="266"/>
        <source>A won or lost deal counts with its stage&apos;s probability and category.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/deal_dialog.py" line="279"/>
        <source>Activities ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_detail_panel.py" line="216"/>
        <location filename="../../src/salesdesk/ui/dialogs/deal_dialog.py" line="280"/>
        <source>Activities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/deal_dialog.py" line="281"/>
        <source>Feedback ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/deal_dialog.py" line="282"/>
        <source>Feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/deal_dialog.py" line="283"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/deal_dialog.py" line="295"/>
        <source>empty = stage default ({0} %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/deal_dialog.py" line="300"/>
        <source>Stage default ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/deal_dialog.py" line="341"/>
        <source>{0} is before the deal was created ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_format.py" line="49"/>
        <source>Industries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_format.py" line="50"/>
        <source>Languages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_detail_panel.py" line="214"/>
        <location filename="../../src/salesdesk/ui/models/lead_table_model.py" line="48"/>
        <location filename="../../src/salesdesk/ui/models/lead_mapping_model.py" line="47"/>
        <location filename="../../src/salesdesk/ui/team_format.py" line="50"/>
        <source>Segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_format.py" line="58"/>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="94"/>
        <location filename="../../src/salesdesk/ui/team_views.py" line="340"/>
        <location filename="../../src/salesdesk/ui/team_views.py" line="341"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_format.py" line="58"/>
        <source>basic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_format.py" line="58"/>
        <source>working knowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_format.py" line="58"/>
        <source>good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_format.py" line="58"/>
        <source>strong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_format.py" line="59"/>
        <source>expert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_format.py" line="74"/>
        <source>No hire date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_format.py" line="77"/>
        <source>Starts {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_format.py" line="79"/>
        <source>Ramped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_format.py" line="80"/>
        <source>Month {0} of {1} ({2} %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_format.py" line="86"/>
        <source>Ramping up: carries {0} % of the full capacity of {1} open leads, so {2} today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_format.py" line="90"/>
        <source>Has not started yet: no leads until the hire date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_format.py" line="95"/>
        <source>{0} / {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_format.py" line="106"/>
        <source>{0} open leads; can carry {1} today (full capacity {2}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_format.py" line="109"/>
        <source>Overloaded: route new leads to someone else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_format.py" line="115"/>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_format.py" line="116"/>
        <source>Left on {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_format.py" line="131"/>
        <source>Loading the team…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_format.py" line="133"/>
        <source>Nobody is on the team yet. Add the first member with “Add member…”, or import a team list with File › Import › Team members.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_format.py" line="138"/>
        <source>Everyone in this workspace has left. Tick “Show people who left” to see them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_format.py" line="140"/>
        <source>Nobody matches these filters. Clear the search or choose “All teams” and “All roles” to see everyone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_format.py" line="150"/>
        <source>{0} active people: {1} reps, {2} managers and admins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_format.py" line="154"/>
        <source>; {0} left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_format.py" line="156"/>
        <source> — showing {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_views.py" line="243"/>
        <source>Add skill column…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_views.py" line="246"/>
        <source>Levels: 1 basic … 5 expert. Type 0-5 on a cell, or double-click it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_views.py" line="312"/>
        <source>Top skills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_views.py" line="317"/>
        <source>No one selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_views.py" line="318"/>
        <source>Select a member to see their capacity, ramp-up and territories.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_views.py" line="334"/>
        <source>{0} open leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_views.py" line="336"/>
        <source>none before the start date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_views.py" line="338"/>
        <source>{0} while ramping up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_views.py" line="345"/>
        <source>none today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_views.py" line="346"/>
        <source>none recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territories_tab.py" line="119"/>
        <source>Add territory…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territories_tab.py" line="120"/>
        <source>Add sub-territory…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territories_tab.py" line="121"/>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territories_tab.py" line="122"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territories_tab.py" line="123"/>
        <location filename="../../src/salesdesk/ui/territories_tab.py" line="395"/>
        <source>Re-evaluate rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territories_tab.py" line="124"/>
        <source>Land every account in the most specific territory whose rules it matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territories_tab.py" line="161"/>
        <source>Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territories_tab.py" line="164"/>
        <source>Coverage (all territories)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territories_tab.py" line="248"/>
        <source>Unapplied rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territories_tab.py" line="249"/>
        <source>The rules of {0} were edited but not applied. Discard the changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territories_tab.py" line="259"/>
        <source>&lt;b&gt;No territory selected&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territories_tab.py" line="274"/>
        <source>The rules of {0} were changed elsewhere while you edited them: Apply will be refused; Revert shows them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territories_tab.py" line="287"/>
        <source>Reps ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territories_tab.py" line="288"/>
        <source>Accounts ({0:,})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territories_tab.py" line="291"/>
        <source>top level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territories_tab.py" line="293"/>
        <source>container</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territories_tab.py" line="293"/>
        <source>1 criterion of its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territories_tab.py" line="294"/>
        <source>{0} criteria of its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territories_tab.py" line="305"/>
        <source>Delete or move its sub-territories first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territories_tab.py" line="342"/>
        <source>Edit territory {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territories_tab.py" line="349"/>
        <source>Edit the rules of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territories_tab.py" line="355"/>
        <source>Rules saved. Accounts move when you re-evaluate the rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territories_tab.py" line="363"/>
        <source>{0} deleted. Its accounts count as unassigned until you re-evaluate the rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territories_tab.py" line="374"/>
        <source>Evaluating the rules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territories_tab.py" line="377"/>
        <source>Evaluating the territory rules over every account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territories_tab.py" line="383"/>
        <source>Re-evaluation cancelled: nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territories_tab.py" line="385"/>
        <source>Rules evaluated: {0:,} of {1:,} accounts landed, {2:,} moved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territories_tab.py" line="388"/>
        <source>Your unapplied rule changes were not included.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territories_tab.py" line="394"/>
        <source>Re-evaluation failed: nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_accounts.py" line="59"/>
        <source>Find an account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_accounts.py" line="92"/>
        <source>Select a territory to see the accounts landed in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_accounts.py" line="94"/>
        <source>{0} is a container: accounts land in its sub-territories, never here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_accounts.py" line="97"/>
        <source>{0:,} of {1:,} accounts in {2} match the search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_accounts.py" line="100"/>
        <source>{0:,} accounts landed in {1} at the last evaluation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_coverage.py" line="51"/>
        <source>{0} accounts: {1} landed, {2} unassigned, {3} ties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_coverage.py" line="132"/>
        <source>Accounts per territory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_coverage.py" line="137"/>
        <source>Unassigned accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_coverage.py" line="138"/>
        <source>Overlapping rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_coverage.py" line="141"/>
        <source>Accounts matched by two territories in different branches of the tree. The more specific territory takes them; equal ones tie.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_coverage.py" line="143"/>
        <source>Ties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_coverage.py" line="172"/>
        <source>No territories yet. Use “Add territory…” to draw the first one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_coverage.py" line="191"/>
        <source>Unassigned accounts ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_coverage.py" line="193"/>
        <source>No accounts in this workspace yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_coverage.py" line="195"/>
        <source>None: every account landed in a territory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_coverage.py" line="209"/>
        <source>The rules have not been evaluated in this workspace yet. “Re-evaluate rules” lands every account and reports overlaps and ties here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_coverage.py" line="212"/>
        <source>Not known until the rules are evaluated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_coverage.py" line="216"/>
        <source>Overlaps and ties from the evaluation of {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_coverage.py" line="219"/>
        <source>Rules changed since: accounts stay where they are until you re-evaluate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_coverage.py" line="224"/>
        <source>None: no account matched two territories outside one branch of the tree.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_coverage.py" line="226"/>
        <source>None: no account was matched equally by several territories.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_coverage.py" line="227"/>
        <source>Overlapping rules ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_coverage.py" line="229"/>
        <source>Ties ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_coverage.py" line="230"/>
        <source>Ties ({0}; the first {1} are listed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_coverage.py" line="239"/>
        <source>No accounts yet: import accounts to see how the territories cover them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_edits.py" line="26"/>
        <source>Add territory {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_edits.py" line="50"/>
        <source>Delete territory {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_preview.py" line="56"/>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_preview.py" line="57"/>
        <source>Select a territory to see the accounts its rules match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_preview.py" line="80"/>
        <location filename="../../src/salesdesk/ui/territory_preview.py" line="112"/>
        <source>No preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_preview.py" line="83"/>
        <source>Matches no accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_preview.py" line="84"/>
        <source>A territory without criteria of its own is a container: accounts land in its sub-territories.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_preview.py" line="87"/>
        <source>Updating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_preview.py" line="102"/>
        <source>Counted before more specific territories (sub-territories, named accounts) take theirs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_preview.py" line="105"/>
        <source>The first {0} are listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_preview.py" line="107"/>
        <source>Matches {0} accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_preview.py" line="108"/>
        <source>Matches 1 account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_reps.py" line="59"/>
        <source>Assign rep…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_reps.py" line="60"/>
        <location filename="../../src/salesdesk/ui/dialogs/workspace_settings_dialog.py" line="80"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_reps.py" line="61"/>
        <source>Take the selected rep off this territory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_reps.py" line="98"/>
        <source>Nobody covers {0} yet. Use “Assign rep…” to give it a rep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_reps.py" line="100"/>
        <source>Select a territory to see its reps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_reps.py" line="133"/>
        <source>Assign {0} to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_reps.py" line="145"/>
        <source>Remove {0} from {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_rules.py" line="37"/>
        <source>Postcode prefix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_rules.py" line="39"/>
        <source>Revenue (millions)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_rules.py" line="39"/>
        <source>Named accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_rules.py" line="43"/>
        <source>e.g. Germany, Austria, Switzerland</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_rules.py" line="44"/>
        <source>e.g. California, Oregon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_rules.py" line="45"/>
        <source>e.g. 80, 81</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_rules.py" line="46"/>
        <source>e.g. medical, finance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_rules.py" line="47"/>
        <source>e.g. Acme Corporation, Golddex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_rules.py" line="66"/>
        <source>{0} is {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_rules.py" line="69"/>
        <source>{0} from {1} to under {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_rules.py" line="71"/>
        <source>{0} at least {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_rules.py" line="72"/>
        <source>{0} under {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_rules.py" line="116"/>
        <source>no minimum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_rules.py" line="117"/>
        <source>no maximum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_rules.py" line="121"/>
        <source>Remove this criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_rules.py" line="138"/>
        <source>from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_rules.py" line="140"/>
        <source>to under</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_rules.py" line="177"/>
        <source>{0}: a quote is not closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_rules.py" line="179"/>
        <source>{0}: give at least one value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_rules.py" line="183"/>
        <source>{0}: give a minimum, a maximum or both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_rules.py" line="185"/>
        <source>{0}: the minimum must be below the maximum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_rules.py" line="194"/>
        <source>{0}: &apos;{1}&apos; is not a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_rules.py" line="198"/>
        <source>{0}: must be zero or more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_rules.py" line="200"/>
        <source>{0}: &apos;{1}&apos; is not a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_rules.py" line="219"/>
        <source>&lt;b&gt;Own criteria&lt;/b&gt; — an account must match all of them; each criterion accepts any of its values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_rules.py" line="224"/>
        <source>No criteria of its own: this territory is a container. Accounts land in its sub-territories, never here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_rules.py" line="227"/>
        <source>+ Add criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_rules.py" line="229"/>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_rules.py" line="230"/>
        <location filename="../../src/salesdesk/ui/dialogs/quota_import_dialog.py" line="134"/>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_rules.py" line="283"/>
        <source>Nothing inherited: {0} has no criteria of its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_rules.py" line="285"/>
        <source>Nothing inherited: this is a top-level territory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_rules.py" line="287"/>
        <source>Inherited from {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/territory_rules.py" line="358"/>
        <source>Not applied yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/undo.py" line="114"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/undo.py" line="115"/>
        <source>The undo history was cleared because it no longer matches the workspace.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/workspace_state.py" line="22"/>
        <source>Open workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/workspace_state.py" line="23"/>
        <source>New workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/workspace_state.py" line="24"/>
        <source>Open the sample company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/workspace_state.py" line="42"/>
        <source>Opening workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/workspace_state.py" line="43"/>
        <source>{0}

An older workspace is backed up and upgraded first, which can take a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/workspace_state.py" line="49"/>
        <source>The workspace could not be opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_cards.py" line="51"/>
        <source>Ctrl+Left / Ctrl+Right move the selected deal to the previous / next stage; Left / Right go to the next column; Enter opens the deal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_cards.py" line="147"/>
        <source>Stale · {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_moves.py" line="36"/>
        <source>“{0}” was changed elsewhere (by a colleague, an import or another window) since the board was read, so this move was not made and nothing was overwritten. The board now shows the deal as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_moves.py" line="62"/>
        <source>this deal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_moves.py" line="88"/>
        <location filename="../../src/salesdesk/ui/pipeline_moves.py" line="107"/>
        <location filename="../../src/salesdesk/ui/deal_edits.py" line="47"/>
        <location filename="../../src/salesdesk/ui/dialogs/deal_dialog.py" line="315"/>
        <source>deal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_moves.py" line="109"/>
        <location filename="../../src/salesdesk/ui/dialogs/move_dialogs.py" line="54"/>
        <source>Win {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_moves.py" line="111"/>
        <location filename="../../src/salesdesk/ui/dialogs/move_dialogs.py" line="105"/>
        <source>Lose {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_moves.py" line="113"/>
        <source>Reopen {0} in {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_moves.py" line="114"/>
        <source>Move {0} to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_board.py" line="95"/>
        <source>latest {0:,} shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_board.py" line="107"/>
        <source>{0:,} deals, {1} in all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_board.py" line="109"/>
        <source>{0:,} deals, {1} in all; weighted by each deal&apos;s probability: {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_board.py" line="112"/>
        <source>A deal is stale after {0} days in this stage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_board.py" line="121"/>
        <source>No deals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_board.py" line="123"/>
        <source>Drop a deal here to win it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_board.py" line="125"/>
        <source>Drop a deal here to mark it lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_board.py" line="126"/>
        <source>No deals. Drag one here or use “New deal…”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_view.py" line="57"/>
        <source>Version {0} · {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_view.py" line="88"/>
        <source>New plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_view.py" line="89"/>
        <source>New draft version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_view.py" line="90"/>
        <source>Copy this version into a new draft you can edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_view.py" line="91"/>
        <location filename="../../src/salesdesk/ui/quota_view.py" line="393"/>
        <source>Publish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_view.py" line="92"/>
        <source>Make this draft the plan in force: what reps and management are told</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_view.py" line="93"/>
        <source>Delete draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_view.py" line="94"/>
        <source>Export to Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_view.py" line="95"/>
        <source>Quota sheets for the plan in force: a summary and one sheet per team, with live attainment formulas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_view.py" line="97"/>
        <source>Import from Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_view.py" line="98"/>
        <source>Read an edited quota sheet, preview every change, then apply it as a new version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_view.py" line="100"/>
        <source>Split team target top-down…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_view.py" line="101"/>
        <source>Roll team up from reps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_view.py" line="102"/>
        <source>Seasonality and ramp…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_view.py" line="123"/>
        <location filename="../../src/salesdesk/ui/models/quota_model.py" line="283"/>
        <location filename="../../src/salesdesk/ui/forecast_widgets.py" line="81"/>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_view.py" line="126"/>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_view.py" line="146"/>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_view.py" line="147"/>
        <location filename="../../src/salesdesk/ui/models/attainment_model.py" line="208"/>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="99"/>
        <source>Attainment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_view.py" line="171"/>
        <location filename="../../src/salesdesk/ui/models/attainment_model.py" line="207"/>
        <location filename="../../src/salesdesk/ui/forecast_widgets.py" line="48"/>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="94"/>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="97"/>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="216"/>
        <location filename="../../src/salesdesk/ui/charts/series.py" line="109"/>
        <source>Quota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_view.py" line="206"/>
        <source>The quota plan could not be read: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_view.py" line="221"/>
        <source>There is no quota plan for {0} yet. Use “New plan…” to propose one from a year&apos;s run rate, or to start empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_view.py" line="298"/>
        <source>Select a team or one of its reps in the grid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_view.py" line="309"/>
        <source>Published — create a draft to edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_view.py" line="310"/>
        <source>Draft — double-click a rep&apos;s month to change it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_view.py" line="313"/>
        <location filename="../../src/salesdesk/ui/models/quota_model.py" line="142"/>
        <source>published — create a draft to edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_view.py" line="315"/>
        <source>Amounts in {0}; quarters and the year add up their months. The gap is the team&apos;s target minus its reps&apos; sum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_view.py" line="394"/>
        <source>Publish version {0} of the {1} plan? It becomes the plan in force: reps and management see it as their quotas, and it can no longer be edited (make a new draft instead). Publishing cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_filters.py" line="58"/>
        <source>Search deal, account or contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_filters.py" line="61"/>
        <source>Deals owned by this person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_filters.py" line="62"/>
        <source>Deals owned by members of this team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_filters.py" line="63"/>
        <source>Deals whose account lies in this territory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_filters.py" line="64"/>
        <source>Deals with a line for this product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_filters.py" line="65"/>
        <source>Open deals expected to close, and won or lost deals closed, in this period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_filters.py" line="68"/>
        <source>Any close date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_filters.py" line="68"/>
        <source>Closing this month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_filters.py" line="68"/>
        <source>Closing next month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_filters.py" line="69"/>
        <source>Closing this quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_filters.py" line="69"/>
        <source>Closing next quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_filters.py" line="70"/>
        <source>Closing this year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_filters.py" line="70"/>
        <source>Closing between…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_filters.py" line="76"/>
        <source>and</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_filters.py" line="77"/>
        <location filename="../../src/salesdesk/ui/lead_filters.py" line="153"/>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_filters.py" line="109"/>
        <source>All owners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_filters.py" line="110"/>
        <source>All teams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_filters.py" line="111"/>
        <source>All territories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_filters.py" line="112"/>
        <source>All products</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_edits.py" line="51"/>
        <source>“{0}” was changed elsewhere since you opened it (by a colleague, an import or another window). Your changes were not saved, so nothing was overwritten. Open the deal again to see its current state, then make your changes again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_edits.py" line="99"/>
        <source>Add deal {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_edits.py" line="113"/>
        <location filename="../../src/salesdesk/ui/models/deal_list_model.py" line="41"/>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="75"/>
        <location filename="../../src/salesdesk/ui/dialogs/convert_lead_dialog.py" line="109"/>
        <location filename="../../src/salesdesk/ui/dialogs/deal_dialog.py" line="211"/>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="159"/>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="178"/>
        <source>Deal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_edits.py" line="114"/>
        <source>This deal no longer exists: it was deleted since the board was loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_edits.py" line="175"/>
        <source>Plan “{0}” on {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_edits.py" line="182"/>
        <source>Complete “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_edits.py" line="182"/>
        <source>Reopen “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_edits.py" line="192"/>
        <source>Remove “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_edits.py" line="200"/>
        <source>Note feedback on {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_edits.py" line="214"/>
        <source>Pipeline settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_edits.py" line="215"/>
        <source>This pipeline no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_edits.py" line="260"/>
        <source>Edit the pipeline stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_edits.py" line="270"/>
        <source>Rename the pipeline {0} to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_edits.py" line="292"/>
        <source>Add the lost reason {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/deal_edits.py" line="301"/>
        <source>Retire the lost reason {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_list.py" line="98"/>
        <source>No deal matches these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_list.py" line="99"/>
        <location filename="../../src/salesdesk/ui/dialogs/lost_reasons_panel.py" line="87"/>
        <source>1 deal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_list.py" line="100"/>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="114"/>
        <source>{0:,} deals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/deal_lines_model.py" line="129"/>
        <source>Line {0}, {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/deal_lines_model.py" line="158"/>
        <source>Unit price ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/deal_lines_model.py" line="159"/>
        <source>Discount %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/deal_lines_model.py" line="159"/>
        <location filename="../../src/salesdesk/ui/dialogs/deal_panels.py" line="240"/>
        <location filename="../../src/salesdesk/ui/dialogs/convert_lead_dialog.py" line="127"/>
        <source>Amount ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/board_model.py" line="86"/>
        <source>1 day in stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/board_model.py" line="88"/>
        <source>{0} days in stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/board_model.py" line="90"/>
        <source>{0} months in stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/board_model.py" line="91"/>
        <source>{0} years in stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/board_model.py" line="251"/>
        <source>Won {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/board_model.py" line="253"/>
        <source>Lost {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/board_model.py" line="255"/>
        <location filename="../../src/salesdesk/ui/dialogs/deal_panels.py" line="226"/>
        <source>{0} · {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/board_model.py" line="259"/>
        <source>Close {0} · overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/board_model.py" line="259"/>
        <source>Close {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/board_model.py" line="262"/>
        <source>No close date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/board_model.py" line="264"/>
        <source>Untitled deal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/board_model.py" line="276"/>
        <source>Owner: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/board_model.py" line="276"/>
        <location filename="../../src/salesdesk/ui/dialogs/convert_lead_dialog.py" line="97"/>
        <source>nobody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/board_model.py" line="277"/>
        <source>Amount: {0} at {1} % (weighted {2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/board_model.py" line="284"/>
        <source>In {0} since {1} ({2:,} days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/board_model.py" line="287"/>
        <source>Stale: in this stage for longer than {0} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/board_model.py" line="290"/>
        <source>Drag to another column, or Ctrl+Left / Ctrl+Right, to move it; double-click or Enter opens it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="75"/>
        <source>Contribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="125"/>
        <source>(no owner)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="150"/>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="98"/>
        <source>Closed won</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="150"/>
        <source>Won so far in the period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="151"/>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="171"/>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="155"/>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="237"/>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="215"/>
        <source>Weighted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="152"/>
        <source>Closed won plus each open deal expected in the period times its probability.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="153"/>
        <source>Closed won plus the open deals marked commit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="155"/>
        <source>Closed won plus the open deals marked commit or best case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="156"/>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="172"/>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="156"/>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="238"/>
        <source>Historical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="157"/>
        <source>Closed won plus the open deals at the win rates and timing learned from this workspace&apos;s closed deals, plus the run rate of deals created and won inside the period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="160"/>
        <source>Run rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="161"/>
        <source>Deals expected to be created and won inside the period, from past periods.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="162"/>
        <source>P10 · P50 · P90</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="163"/>
        <source>Monte Carlo: each open deal closes with its learned odds and timing; 10 %, 50 % and 90 % of 10,000 simulated outcomes are at or below these totals.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="170"/>
        <source>Weighted, default stage odds (CRM baseline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="172"/>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="156"/>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="157"/>
        <source>Monte Carlo P50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="182"/>
        <source>Monte Carlo — {0}, {1}: P10 {2} · P50 {3} · P90 {4}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="185"/>
        <source>The open deals simulated; each one&apos;s contribution is its expected part. Closed won and the run rate are added to every outcome.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="188"/>
        <source>{0} — {1}, {2}: {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="191"/>
        <source>Past deals (run rate): won in earlier periods, each counted at its won amount divided by the number of periods averaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="205"/>
        <source>Won as forecast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="206"/>
        <source>Grew or shrank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="207"/>
        <source>Slipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="208"/>
        <source>Reassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="209"/>
        <source>Pulled in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="210"/>
        <source>New deals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="213"/>
        <source>Lost: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="213"/>
        <source>Lost (no reason)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="230"/>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="237"/>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="124"/>
        <source>Forecast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="240"/>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="238"/>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="125"/>
        <source>Actual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="248"/>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="112"/>
        <source>Forecast at the start (weighted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="251"/>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="115"/>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="173"/>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="215"/>
        <location filename="../../src/salesdesk/ui/charts/series.py" line="95"/>
        <source>Actual won</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="255"/>
        <location filename="../../src/salesdesk/ui/models/quota_model.py" line="362"/>
        <source>{0} — {1}: {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="274"/>
        <source>▼ none dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="276"/>
        <source>▼ {0:,} dropped ({1} %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="280"/>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="199"/>
        <source>Won amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="280"/>
        <source>Deals won</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="281"/>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="198"/>
        <source>Win rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="281"/>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="199"/>
        <source>Average deal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="282"/>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="200"/>
        <source>Sales cycle (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="282"/>
        <source>Pipeline velocity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="283"/>
        <source>Activities done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="310"/>
        <source>n/a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/forecast_models.py" line="315"/>
        <source>{0}/day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/quota_model.py" line="196"/>
        <source>“{0}” is not an amount; type a number such as 12500 or 12,500.50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/quota_model.py" line="199"/>
        <source>“{0}” is not an amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/quota_model.py" line="201"/>
        <source>a quota cannot be negative ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/quota_model.py" line="203"/>
        <source>“{0}” has fractions of a cent; use at most two decimals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/quota_model.py" line="206"/>
        <source>{0} is far beyond any quota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/quota_model.py" line="276"/>
        <source>Team / rep ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/quota_model.py" line="282"/>
        <source>Q{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/quota_model.py" line="292"/>
        <source>{0}: the sum of its three months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/quota_model.py" line="294"/>
        <source>Fiscal year {0}: the sum of its months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/quota_model.py" line="378"/>
        <source>{0}, {1}: {2}. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/quota_model.py" line="400"/>
        <source>{0}: the reps&apos; targets fall {1} short of the team&apos;s target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/quota_model.py" line="403"/>
        <source>{0}: the reps&apos; targets exceed the team&apos;s target by {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/quota_model.py" line="405"/>
        <source>{0}: the reps&apos; targets add up to the team&apos;s target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_panels.py" line="126"/>
        <source>Year {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_panels.py" line="155"/>
        <source>All reps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_panels.py" line="164"/>
        <source>Has left; past months still count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_panels.py" line="176"/>
        <source>No team target yet: split one top-down, or roll the team up from its reps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_panels.py" line="180"/>
        <source>Bottom-up (reps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_panels.py" line="182"/>
        <source>Gap (team − reps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_panels.py" line="289"/>
        <location filename="../../src/salesdesk/ui/forecast_widgets.py" line="153"/>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="237"/>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="68"/>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="124"/>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="213"/>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_panels.py" line="339"/>
        <source>Measuring attainment for {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_panels.py" line="346"/>
        <source>Attainment could not be measured: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_panels.py" line="356"/>
        <source>Nobody carries a quota.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_panels.py" line="374"/>
        <source>No quota plan covers {0}: there is no quota to measure against. The table shows what was won ({1}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_panels.py" line="377"/>
        <source>version {0} ({1}) of the {2} plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_panels.py" line="379"/>
        <source>{0} as of {1}, against {2}. Pace: won so far over what the quota expects by then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_panels.py" line="384"/>
        <source>draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/quota_panels.py" line="384"/>
        <source>published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_widgets.py" line="49"/>
        <source>The scope&apos;s revenue quota for the period, from the quota plan in force; closed won against it; and the pipeline coverage: the open weighted pipeline over the quota still to win.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_widgets.py" line="64"/>
        <source>none for this scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_widgets.py" line="65"/>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="95"/>
        <source>no quotas set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_widgets.py" line="67"/>
        <source>won {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_widgets.py" line="69"/>
        <source>quota reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_widgets.py" line="69"/>
        <source>coverage {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_detail_panel.py" line="194"/>
        <location filename="../../src/salesdesk/ui/models/routing_model.py" line="143"/>
        <location filename="../../src/salesdesk/ui/models/routing_model.py" line="150"/>
        <location filename="../../src/salesdesk/ui/models/lead_table_model.py" line="47"/>
        <location filename="../../src/salesdesk/ui/models/lead_rules_words.py" line="26"/>
        <location filename="../../src/salesdesk/ui/models/lead_mapping_model.py" line="41"/>
        <location filename="../../src/salesdesk/ui/forecast_widgets.py" line="75"/>
        <source>Company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_widgets.py" line="80"/>
        <source>Week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_widgets.py" line="80"/>
        <location filename="../../src/salesdesk/ui/dialogs/quota_import_dialog.py" line="57"/>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_widgets.py" line="81"/>
        <source>Quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_widgets.py" line="135"/>
        <source>Pick a period or type one: 2017, 2017-Q3, 2017-07, 2017-W27</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_widgets.py" line="139"/>
        <source>The day the forecast is made on: the deals as they stood at its start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_widgets.py" line="149"/>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="70"/>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_widgets.py" line="157"/>
        <location filename="../../src/salesdesk/ui/pipeline_tab.py" line="126"/>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="237"/>
        <source>As of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_widgets.py" line="242"/>
        <source>A forecast is for a week, a month, a quarter or a year, not a single day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_widgets.py" line="295"/>
        <source>Click to list the deals behind it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_widgets.py" line="341"/>
        <source>incl. run rate {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_widgets.py" line="385"/>
        <source>Deals behind a figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_widgets.py" line="386"/>
        <source>Click a figure, a bar or a point to list the deals behind it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_widgets.py" line="392"/>
        <source>Reading the deals…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_widgets.py" line="399"/>
        <source>{0:,} deals · total {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/deal_panels.py" line="77"/>
        <source>What to do, e.g. Call about the pilot results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/deal_panels.py" line="83"/>
        <source>Add activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/deal_panels.py" line="86"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/deal_panels.py" line="95"/>
        <source>Remove activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/deal_panels.py" line="114"/>
        <source>Tick an activity when it is done. Changes here are saved at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/deal_panels.py" line="134"/>
        <source>no due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/deal_panels.py" line="136"/>
        <source>{0} — overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/deal_panels.py" line="142"/>
        <source>Done {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/deal_panels.py" line="194"/>
        <source>What the customer said: objections, requests, praise…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/deal_panels.py" line="196"/>
        <source>Add note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/deal_panels.py" line="200"/>
        <source>Notes are saved at once and listed newest first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/deal_panels.py" line="221"/>
        <source>No customer feedback yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/deal_panels.py" line="239"/>
        <location filename="../../src/salesdesk/ui/dialogs/log_activity_dialog.py" line="64"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/deal_panels.py" line="240"/>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/deal_panels.py" line="241"/>
        <source>Time in stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/deal_panels.py" line="259"/>
        <source>(created)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/deal_panels.py" line="264"/>
        <source>{0}: {1} (so far)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/deal_panels.py" line="268"/>
        <source>&lt;b&gt;Time in each stage&lt;/b&gt; — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/deal_panels.py" line="269"/>
        <source>no history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_import_dialog.py" line="54"/>
        <location filename="../../src/salesdesk/ui/dialogs/quota_import_dialog.py" line="67"/>
        <source>Sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_import_dialog.py" line="55"/>
        <location filename="../../src/salesdesk/ui/dialogs/quota_import_dialog.py" line="68"/>
        <source>Cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_import_dialog.py" line="58"/>
        <source>Old</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_import_dialog.py" line="60"/>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="31"/>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_import_dialog.py" line="62"/>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_import_dialog.py" line="67"/>
        <source>(the workbook)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_import_dialog.py" line="69"/>
        <location filename="../../src/salesdesk/ui/dialogs/lead_import_pages.py" line="193"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_import_dialog.py" line="76"/>
        <source>The sheet changes nothing against version {0} of the {1} plan: there is nothing to apply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_import_dialog.py" line="82"/>
        <source>1 cell changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_import_dialog.py" line="83"/>
        <source>{0} cells changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_import_dialog.py" line="84"/>
        <source>1 rep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_import_dialog.py" line="84"/>
        <source>{0} reps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_import_dialog.py" line="85"/>
        <source>{0} sheets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_import_dialog.py" line="86"/>
        <source>{0} ({1}, on {2}): together {3} → {4} ({5}). Exported from version {6} of the {7} plan; applying makes version {8}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_import_dialog.py" line="115"/>
        <source>Publish the new version at once (reps see it as their quota; publishing cannot be undone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_import_dialog.py" line="144"/>
        <source>The new version is published: it cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_import_dialog.py" line="146"/>
        <source>The new version is a draft: Edit › Undo removes it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_import_dialog.py" line="154"/>
        <source>Import quota sheet — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_import_dialog.py" line="164"/>
        <source>{0} was refused: {1} problems. Nothing was applied; correct the sheet and import it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_import_dialog.py" line="166"/>
        <source>Quota sheet refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lost_reasons_panel.py" line="54"/>
        <source>A new reason, e.g. Lost to in-house build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lost_reasons_panel.py" line="56"/>
        <source>Add reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lost_reasons_panel.py" line="57"/>
        <location filename="../../src/salesdesk/ui/dialogs/lost_reasons_panel.py" line="106"/>
        <source>Retire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lost_reasons_panel.py" line="59"/>
        <source>Losing a deal asks for one of these reasons. A retired reason is no longer offered; deals lost for it keep it. Changes here are saved at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lost_reasons_panel.py" line="87"/>
        <source>no deals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lost_reasons_panel.py" line="88"/>
        <source>{0} deals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lost_reasons_panel.py" line="89"/>
        <source>{0}  ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lost_reasons_panel.py" line="90"/>
        <source>{0}  (retired; {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lost_reasons_panel.py" line="105"/>
        <source>Reactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/move_dialogs.py" line="37"/>
        <location filename="../../src/salesdesk/ui/dialogs/move_dialogs.py" line="65"/>
        <source>Final amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/move_dialogs.py" line="45"/>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="62"/>
        <source>{0}: {1} is too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/move_dialogs.py" line="55"/>
        <source>Congratulations! What amount did the customer sign for?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/move_dialogs.py" line="59"/>
        <source>In {0}. The deal&apos;s amount is the suggestion; the amount signed is what counts as won.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/move_dialogs.py" line="63"/>
        <source>Mark as won</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/move_dialogs.py" line="106"/>
        <source>Why was {0} lost? The reason feeds the loss analysis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/move_dialogs.py" line="109"/>
        <source>Choose a reason…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/move_dialogs.py" line="113"/>
        <source>Mark as lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_bulk_dialogs.py" line="49"/>
        <location filename="../../src/salesdesk/ui/dialogs/lead_bulk_dialogs.py" line="73"/>
        <location filename="../../src/salesdesk/ui/dialogs/move_dialogs.py" line="115"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/move_dialogs.py" line="137"/>
        <source>Reason: the list of lost reasons is empty; add reasons in Pipeline settings first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/move_dialogs.py" line="140"/>
        <source>Reason: choose why the deal was lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/move_dialogs.py" line="160"/>
        <source>{0} is won. Reopen it and move it back to {1}? It no longer counts as won; its won amount and date are cleared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/move_dialogs.py" line="162"/>
        <source>{0} is lost. Reopen it and move it back to {1}? Its lost reason and date are cleared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/move_dialogs.py" line="165"/>
        <source>Reopen deal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_plan_dialogs.py" line="76"/>
        <source>New quota plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_plan_dialogs.py" line="79"/>
        <source>Propose targets from a year&apos;s run rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_plan_dialogs.py" line="81"/>
        <source>Start with an empty plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_plan_dialogs.py" line="84"/>
        <source>e.g. First proposal for the board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_plan_dialogs.py" line="86"/>
        <source>Create draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_plan_dialogs.py" line="94"/>
        <source>Fiscal year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_plan_dialogs.py" line="97"/>
        <source>Base year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_plan_dialogs.py" line="98"/>
        <source>Growth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_plan_dialogs.py" line="103"/>
        <source>Each rep&apos;s won revenue in the base year, grown by this much, spread by the base year&apos;s seasonality; new hires ramp at 25/50/75 % over their first quarters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_plan_dialogs.py" line="111"/>
        <source>The new plan is a draft: edit it, then publish it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_plan_dialogs.py" line="132"/>
        <source>The {0} plan exists already: make a new draft version of it instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_plan_dialogs.py" line="158"/>
        <source>&lt;b&gt;Rep&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_plan_dialogs.py" line="159"/>
        <source>&lt;b&gt;Weight&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_plan_dialogs.py" line="160"/>
        <source>&lt;b&gt;Annual share&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_plan_dialogs.py" line="169"/>
        <source>Split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_plan_dialogs.py" line="176"/>
        <source>Team&apos;s annual target ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_plan_dialogs.py" line="185"/>
        <source>The target is spread over the months by the plan&apos;s seasonality. {0} What ramping costs shows as the team&apos;s gap rather than landing on colleagues. The reps&apos; months are overwritten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_plan_dialogs.py" line="208"/>
        <source>Annual target: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_plan_dialogs.py" line="211"/>
        <source>Give at least one rep a weight above zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_plan_dialogs.py" line="221"/>
        <source>New hires keep the share of their own ramp months.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_plan_dialogs.py" line="223"/>
        <source>New hires carry {0} % of a full quota in blocks of {1} months from their hire month, then 100 %.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_plan_dialogs.py" line="251"/>
        <source>Seasonality and ramp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_plan_dialogs.py" line="256"/>
        <source>Even</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_plan_dialogs.py" line="257"/>
        <source>As stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_plan_dialogs.py" line="258"/>
        <source>From won revenue of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_plan_dialogs.py" line="260"/>
        <source>Plan-wide ramp for new hires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_plan_dialogs.py" line="261"/>
        <source>Each rep&apos;s own ramp (the ramp months on their profile)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_plan_dialogs.py" line="263"/>
        <source>e.g. 25, 50, 75</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_plan_dialogs.py" line="267"/>
        <location filename="../../src/salesdesk/ui/dialogs/stages_dialog.py" line="144"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_plan_dialogs.py" line="276"/>
        <source>Seasonality: each month&apos;s share of the year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_plan_dialogs.py" line="281"/>
        <source>&lt;b&gt;Q{0}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_plan_dialogs.py" line="291"/>
        <source>Ramp for new hires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_plan_dialogs.py" line="296"/>
        <source>% per block of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_plan_dialogs.py" line="303"/>
        <source>Used by the next top-down split of a team; targets already set stay as they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_plan_dialogs.py" line="347"/>
        <source>Reading the won revenue of {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_plan_dialogs.py" line="353"/>
        <source>The won revenue could not be read: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_plan_dialogs.py" line="373"/>
        <source>Ramp: “{0}” is not a percentage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_plan_dialogs.py" line="376"/>
        <source>Ramp: {0} % is not between 0 and 100</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_plan_dialogs.py" line="379"/>
        <source>Ramp: type the share of each block, e.g. 25, 50, 75</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_plan_dialogs.py" line="390"/>
        <source>Total {0} %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_plan_dialogs.py" line="391"/>
        <source>Total {0} % (scaled to 100 % when saved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/quota_plan_dialogs.py" line="393"/>
        <source>Give at least one month a share above zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/stages_dialog.py" line="102"/>
        <location filename="../../src/salesdesk/ui/dialogs/stages_dialog.py" line="349"/>
        <source>Pipeline settings — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/stages_dialog.py" line="129"/>
        <source>Probability %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/stages_dialog.py" line="130"/>
        <source>Rotting after (days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/stages_dialog.py" line="131"/>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="176"/>
        <source>Deals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/stages_dialog.py" line="139"/>
        <source>Add stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/stages_dialog.py" line="140"/>
        <source>Remove stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/stages_dialog.py" line="141"/>
        <source>Move up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/stages_dialog.py" line="142"/>
        <source>Move down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/stages_dialog.py" line="161"/>
        <source>Deals move through the open stages in this order. Probability and forecast category are what a deal gets unless it overrides them; a deal that stays longer than its stage&apos;s rotting threshold is highlighted as stale (leave it empty for never). Won and Lost are fixed: one each, at the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/stages_dialog.py" line="173"/>
        <source>Stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/stages_dialog.py" line="174"/>
        <source>Lost reasons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/stages_dialog.py" line="176"/>
        <location filename="../../src/salesdesk/ui/dialogs/stages_dialog.py" line="366"/>
        <location filename="../../src/salesdesk/ui/dialogs/pipeline_name_dialog.py" line="48"/>
        <source>Pipeline name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/stages_dialog.py" line="200"/>
        <source>Deals won end here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/stages_dialog.py" line="201"/>
        <source>Deals lost end here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/stages_dialog.py" line="247"/>
        <source>New stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/stages_dialog.py" line="261"/>
        <source>“{0}” holds {1} deal(s): move them to another stage before removing it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/stages_dialog.py" line="300"/>
        <source>Stage {0} ({1}), {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/stages_dialog.py" line="340"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/stages_dialog.py" line="370"/>
        <source>Not saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/pipeline_name_dialog.py" line="69"/>
        <source>e.g. Renewals, Partners, Upsell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/pipeline_name_dialog.py" line="70"/>
        <source>Copy the stages of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/pipeline_name_dialog.py" line="71"/>
        <source>Otherwise the new pipeline starts with the default stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/pipeline_name_dialog.py" line="118"/>
        <source>Remove pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/pipeline_name_dialog.py" line="119"/>
        <source>Remove the pipeline {0} and its stages? Edit &gt; Undo brings it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/deal_lines.py" line="101"/>
        <source>Add line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/deal_lines.py" line="102"/>
        <source>Remove line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/deal_lines.py" line="128"/>
        <source>Deal amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/deal_lines.py" line="168"/>
        <source>the sum of the lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/deal_lines.py" line="172"/>
        <source>no products: type the amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_edits.py" line="47"/>
        <source>New pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_edits.py" line="54"/>
        <source>Add the pipeline {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_edits.py" line="69"/>
        <source>Remove the pipeline {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_tab.py" line="119"/>
        <source>Board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_tab.py" line="120"/>
        <source>List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_tab.py" line="127"/>
        <source>Replay the board as it stood at the end of this day, from the stage history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_tab.py" line="132"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_tab.py" line="133"/>
        <source>Back to the live board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_tab.py" line="134"/>
        <source>New deal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_tab.py" line="142"/>
        <source>Loading the pipeline…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_tab.py" line="151"/>
        <source>Pipeline settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_tab.py" line="153"/>
        <source>Edit stages and name…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_tab.py" line="155"/>
        <source>New pipeline…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_tab.py" line="157"/>
        <source>Remove this pipeline…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_tab.py" line="298"/>
        <source>The pipeline could not be read: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_tab.py" line="341"/>
        <source>Replay: the board as it stood at the end of {0}, rebuilt from the stage history. Deals cannot be moved here; press Today to return to the live board.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_tab.py" line="345"/>
        <source>This workspace has no pipeline yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_tab.py" line="362"/>
        <source>{0:,} open deals worth {1}, weighted {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_tab.py" line="365"/>
        <source> · {0:,} stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_tab.py" line="367"/>
        <source> (filtered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/pipeline_tab.py" line="439"/>
        <source>Deals cannot be opened in this version of SalesDesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="54"/>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="101"/>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="238"/>
        <source>Adjustment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="60"/>
        <source>{0} is required (0 for none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="69"/>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="102"/>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="239"/>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="72"/>
        <source>{0} is required: say why you call it so</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="75"/>
        <source>{0} is longer than {1:,} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="87"/>
        <source>Record a call for {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="88"/>
        <source>Your call for {0} · {1}: the weighted forecast made now, plus your adjustment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="90"/>
        <source>e.g. -25000 or 12,500.50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="92"/>
        <source>e.g. Two renewals slip to next quarter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="94"/>
        <source>In {0}. The call is kept with the forecast of the moment, so it can be scored against what was won.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="99"/>
        <source>Record call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="130"/>
        <source>{0} (weighted {1}, adjustment {2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="154"/>
        <source>Weighted, default probabilities (CRM baseline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="158"/>
        <source>Manager&apos;s call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="162"/>
        <source>Auto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="233"/>
        <source>Forecast history and accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="238"/>
        <source>P50</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="238"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="240"/>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="124"/>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="240"/>
        <source>Periods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="240"/>
        <source>Bias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="241"/>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="123"/>
        <source>WAPE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="241"/>
        <source>Hit rate ±10 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="251"/>
        <source>Stored forecasts: frozen at each period&apos;s start (auto) and managers&apos; calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="255"/>
        <source>Accuracy per method: from the stored forecasts whose period has ended, and from the backtest (past quarters replayed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="266"/>
        <source>Forecast history · {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="267"/>
        <source>Reading the stored forecasts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="268"/>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="322"/>
        <source>Replaying past quarters for the backtest…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="289"/>
        <source>{0:,} stored forecasts. Forecast: the call for a call, the weighted figure for an auto snapshot; error = forecast − actual, once the period has ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="293"/>
        <source>No stored forecast for this scope yet: auto snapshots are frozen for the company and each team when a period starts; record a call to add one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="305"/>
        <source>Stored forecasts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="315"/>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="122"/>
        <source>Backtest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="319"/>
        <source>The backtest could not be run: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="324"/>
        <source>No past quarter to score the methods on yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_history.py" line="327"/>
        <source>Trust {0}: the lowest WAPE in the backtest ({1}). Bias above 0 means the method forecast more than was won; WAPE is the error over the periods as a share of what was won.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_drill.py" line="69"/>
        <location filename="../../src/salesdesk/ui/forecast_drill.py" line="79"/>
        <source>Won in {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_drill.py" line="71"/>
        <source>Forecast for {0} made on {1}: the deals simulated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_drill.py" line="81"/>
        <source>Reached {0} in {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_drill.py" line="82"/>
        <source>Lost in {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_drill.py" line="92"/>
        <source>{0}: {1:,} deals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_drill.py" line="93"/>
        <source>Deals whose stage history entered this stage (or one further down the funnel) in the period; the amount is the deal&apos;s amount now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_drill.py" line="98"/>
        <location filename="../../src/salesdesk/ui/forecast_drill.py" line="129"/>
        <source>The deals could not be listed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_drill.py" line="106"/>
        <source>Won by {0} in {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_drill.py" line="142"/>
        <source>Open weighted pipeline — {0}, {1}: {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_drill.py" line="145"/>
        <source>No quota for {0} in {1}: no coverage to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_drill.py" line="148"/>
        <source>The quota of {0} is won already.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_drill.py" line="151"/>
        <source>Coverage {0}: this pipeline over the quota still to win, {1} of {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="34"/>
        <source>P10 (Monte Carlo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="34"/>
        <source>P50 (Monte Carlo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="35"/>
        <source>P90 (Monte Carlo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="49"/>
        <source>SalesDesk management pack — {0}, {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="51"/>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="51"/>
        <source>Charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="67"/>
        <source>What this pack covers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="68"/>
        <source>{0} to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="71"/>
        <source>Forecast as of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="71"/>
        <source>the deals as they stood that day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="72"/>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="73"/>
        <source>Written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="74"/>
        <source>UTC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="80"/>
        <source>Forecast ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="89"/>
        <source>Against quota ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="91"/>
        <source>no quota plan is in force for {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="92"/>
        <source>{0} carries no quota in the plan in force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="97"/>
        <source>from the quota plan in force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="99"/>
        <source>closed won / quota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="100"/>
        <source>Still to win</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="101"/>
        <source>Open weighted pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="102"/>
        <source>the open deals&apos; part of the weighted figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="103"/>
        <source>Pipeline coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="104"/>
        <source>the open weighted pipeline over the quota still to win</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="105"/>
        <source>the quota is won already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="116"/>
        <source>so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="117"/>
        <source>From forecast to actual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="121"/>
        <source>How accurate each method was (backtest)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="122"/>
        <source>The backtest could not be computed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="123"/>
        <source>bias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="123"/>
        <source>hit rate within ±10 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="125"/>
        <source>Error (forecast − actual)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="126"/>
        <source>{0}: WAPE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="161"/>
        <source>Past deal (run rate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="164"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="165"/>
        <source>Forecast deals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="171"/>
        <source>Forecast at the start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="176"/>
        <source>Waterfall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="176"/>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="178"/>
        <source>Part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="178"/>
        <source>Waterfall deals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="186"/>
        <source>Funnel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="187"/>
        <source>Reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="187"/>
        <source>Dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="188"/>
        <source>Drop-off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="197"/>
        <source>Rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="198"/>
        <source>Lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="212"/>
        <source>Forecast vs actual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="213"/>
        <location filename="../../src/salesdesk/ui/charts/series.py" line="96"/>
        <source>Forecast (P50)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="214"/>
        <source>P10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/forecast_pack.py" line="214"/>
        <source>P90</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/charts/series.py" line="97"/>
        <source>P10–P90 range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/charts/series.py" line="98"/>
        <source>Weighted pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/charts/panel.py" line="55"/>
        <source>PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/charts/panel.py" line="56"/>
        <source>Save this chart as a PNG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/charts/data.py" line="141"/>
        <source>{0:,} d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/segment_rules_model.py" line="54"/>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="76"/>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/segment_rules_model.py" line="54"/>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/segment_rules_model.py" line="55"/>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/segment_rules_model.py" line="55"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/segment_rules_model.py" line="56"/>
        <location filename="../../src/salesdesk/ui/models/score_rules_model.py" line="70"/>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/segment_rules_model.py" line="95"/>
        <source>{0} cannot be tested with &apos;{1}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/segment_rules_model.py" line="101"/>
        <source>{0}: give at least one value, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/segment_rules_model.py" line="104"/>
        <source>{0}: enter a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/segment_rules_model.py" line="106"/>
        <source>{0}: enter a value (or test &apos;is empty&apos;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/segment_rules_model.py" line="109"/>
        <source>{0}: &apos;{1}&apos; is not a lead status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/segment_rules_model.py" line="245"/>
        <source>empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/segment_rules_model.py" line="355"/>
        <source>Manual segment: leads join it by hand only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/contact_times_model.py" line="71"/>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="31"/>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="55"/>
        <source>Contacted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/contact_times_model.py" line="72"/>
        <source>Median</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/contact_times_model.py" line="74"/>
        <source>90th pct.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/contact_times_model.py" line="76"/>
        <source>Within SLA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/contact_times_model.py" line="78"/>
        <source>Overdue now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/contact_times_model.py" line="83"/>
        <source>Median business time from a lead&apos;s arrival to its first contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/contact_times_model.py" line="84"/>
        <source>Nine in ten reached leads were contacted within this business time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/contact_times_model.py" line="85"/>
        <source>Share of reached leads with a deadline that were contacted by it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/contact_times_model.py" line="86"/>
        <source>Open leads not contacted yet whose deadline has passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/sla_rules_model.py" line="73"/>
        <source>there is no segment &apos;{0}&apos; any more: pick one or remove the row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/sla_rules_model.py" line="76"/>
        <source>&apos;{0}&apos; already has an SLA above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/sla_rules_model.py" line="108"/>
        <location filename="../../src/salesdesk/ui/lead_filters.py" line="61"/>
        <location filename="../../src/salesdesk/ui/dialogs/lead_bulk_dialogs.py" line="100"/>
        <location filename="../../src/salesdesk/ui/dialogs/lead_bulk_dialogs.py" line="115"/>
        <source>Segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/sla_rules_model.py" line="108"/>
        <source>Within</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/sla_rules_model.py" line="108"/>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/rules_delegate.py" line="103"/>
        <source>named after the condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/rules_delegate.py" line="106"/>
        <source>values separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/rules_delegate.py" line="108"/>
        <source>a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_table_model.py" line="47"/>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_table_model.py" line="211"/>
        <source>This column cannot be sorted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_table_model.py" line="273"/>
        <source>First contacted {0} (business time from arrival)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_table_model.py" line="276"/>
        <source>No first-contact deadline applies to this lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_table_model.py" line="277"/>
        <source>First contact due {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/duplicate_groups_model.py" line="27"/>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/duplicate_groups_model.py" line="27"/>
        <source>Merge (fill what is missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/duplicate_groups_model.py" line="28"/>
        <source>Update (take the file&apos;s values)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/duplicate_groups_model.py" line="34"/>
        <source>A lead already in the workspace stays as it is and the rows are skipped; among rows of the file, the first is imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/duplicate_groups_model.py" line="36"/>
        <source>The lead keeps its values and takes what it lacks from the other rows: empty fields filled, notes and segments added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/duplicate_groups_model.py" line="38"/>
        <source>The lead takes every value the other rows give, in file order (the last row wins).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/duplicate_groups_model.py" line="51"/>
        <source> and {0} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/duplicate_groups_model.py" line="99"/>
        <source>File rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/duplicate_groups_model.py" line="99"/>
        <source>In workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/duplicate_groups_model.py" line="99"/>
        <source>Why the same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/duplicate_groups_model.py" line="100"/>
        <source>Choice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/duplicate_groups_model.py" line="131"/>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/score_rules_model.py" line="53"/>
        <source>give a keyword, or remove the row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/score_rules_model.py" line="56"/>
        <source>&apos;{0}&apos; is listed twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/score_rules_model.py" line="70"/>
        <source>Job-title keyword</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_rules_words.py" line="25"/>
        <source>Person name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_rules_words.py" line="26"/>
        <location filename="../../src/salesdesk/ui/models/lead_mapping_model.py" line="41"/>
        <source>Job title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_rules_words.py" line="26"/>
        <location filename="../../src/salesdesk/ui/models/lead_mapping_model.py" line="41"/>
        <source>Sector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_rules_words.py" line="27"/>
        <location filename="../../src/salesdesk/ui/models/lead_mapping_model.py" line="42"/>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_rules_words.py" line="27"/>
        <location filename="../../src/salesdesk/ui/models/lead_mapping_model.py" line="42"/>
        <source>Postcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_rules_words.py" line="28"/>
        <location filename="../../src/salesdesk/ui/models/lead_mapping_model.py" line="43"/>
        <source>Campaign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_rules_words.py" line="29"/>
        <location filename="../../src/salesdesk/ui/models/lead_mapping_model.py" line="44"/>
        <source>Product interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_rules_words.py" line="29"/>
        <location filename="../../src/salesdesk/ui/models/lead_mapping_model.py" line="44"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_rules_words.py" line="30"/>
        <location filename="../../src/salesdesk/ui/models/lead_mapping_model.py" line="45"/>
        <source>Status reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_rules_words.py" line="40"/>
        <source>is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_rules_words.py" line="40"/>
        <source>is not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_rules_words.py" line="40"/>
        <source>is one of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_rules_words.py" line="41"/>
        <source>contains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_rules_words.py" line="41"/>
        <source>is at least</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_rules_words.py" line="42"/>
        <source>is at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_rules_words.py" line="42"/>
        <source>is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_rules_words.py" line="47"/>
        <source>all of the conditions hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_rules_words.py" line="48"/>
        <source>any one of the conditions holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_rules_words.py" line="54"/>
        <source>business minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_rules_words.py" line="54"/>
        <source>business hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_rules_words.py" line="55"/>
        <source>business day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_rules_words.py" line="57"/>
        <source>business minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_rules_words.py" line="57"/>
        <source>business hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_rules_words.py" line="58"/>
        <source>business days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_mapping_model.py" line="39"/>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_mapping_model.py" line="39"/>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_mapping_model.py" line="40"/>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_mapping_model.py" line="46"/>
        <source>Received at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_mapping_model.py" line="46"/>
        <source>First contacted at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_mapping_model.py" line="55"/>
        <source>e-mail addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_mapping_model.py" line="56"/>
        <source>phone numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_mapping_model.py" line="56"/>
        <source>postcodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_mapping_model.py" line="56"/>
        <source>numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_mapping_model.py" line="57"/>
        <source>dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_mapping_model.py" line="58"/>
        <source>content: {0}% {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_mapping_model.py" line="60"/>
        <source>column name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_mapping_model.py" line="60"/>
        <source>a word of the column name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_mapping_model.py" line="61"/>
        <source>remembered for this file layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_mapping_model.py" line="62"/>
        <source>chosen by you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_mapping_model.py" line="116"/>
        <source>No column says who each lead is: map a name, an e-mail or a company column.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_mapping_model.py" line="137"/>
        <source>Lead field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_mapping_model.py" line="137"/>
        <source>Read from column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_mapping_model.py" line="137"/>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_mapping_model.py" line="137"/>
        <source>Sample values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_mapping_model.py" line="155"/>
        <location filename="../../src/salesdesk/ui/models/lead_mapping_model.py" line="167"/>
        <source>— not imported —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_mapping_model.py" line="174"/>
        <source>Says who the lead is: at least one of name, e-mail and company must be imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/lead_mapping_model.py" line="177"/>
        <source>The column is empty in the first rows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_filters.py" line="56"/>
        <source>All leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_filters.py" line="56"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_filters.py" line="57"/>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="43"/>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_filters.py" line="57"/>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="43"/>
        <source>Due soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_filters.py" line="100"/>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_filters.py" line="130"/>
        <source>{0}: {1} +{2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_filters.py" line="144"/>
        <source>Search people, e-mails and companies…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_filters.py" line="198"/>
        <source>No territory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_board_tab.py" line="120"/>
        <source>Import leads…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_board_tab.py" line="121"/>
        <source>Route leads…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_board_tab.py" line="122"/>
        <source>Propose an owner for every open unassigned lead, with the reasons, before anything is applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_board_tab.py" line="124"/>
        <source>Segments, score and SLA…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_board_tab.py" line="125"/>
        <source>Speed to lead…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_board_tab.py" line="127"/>
        <source>Saved views</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_board_tab.py" line="128"/>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_board_tab.py" line="129"/>
        <source>Export the leads this view shows to Excel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_board_tab.py" line="135"/>
        <source>Assign to…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_board_tab.py" line="136"/>
        <source>Change status…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_board_tab.py" line="137"/>
        <source>Segment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_board_tab.py" line="206"/>
        <source>counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_board_tab.py" line="237"/>
        <source>No lead matches this view.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_board_tab.py" line="239"/>
        <location filename="../../src/salesdesk/ui/dialogs/lead_bulk_dialogs.py" line="32"/>
        <source>{0:,} leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_board_tab.py" line="252"/>
        <source>{0:,} leads selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/contact_times_dialog.py" line="97"/>
        <source>Speed to lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/contact_times_dialog.py" line="102"/>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/contact_times_dialog.py" line="102"/>
        <source>Last 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/contact_times_dialog.py" line="103"/>
        <source>This year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/contact_times_dialog.py" line="103"/>
        <source>All time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/contact_times_dialog.py" line="116"/>
        <source>Leads that arrived in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/contact_times_dialog.py" line="122"/>
        <source>Per rep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/contact_times_dialog.py" line="123"/>
        <source>Per source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/contact_times_dialog.py" line="139"/>
        <source>Reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/contact_times_dialog.py" line="155"/>
        <source>No lead arrived in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/contact_times_dialog.py" line="156"/>
        <source>{0:,} leads arrived in this period. Time to first contact (a call, e-mail or meeting) counts business hours only: {1}, {2:%H:%M}–{3:%H:%M}, {4}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/convert_lead_dialog.py" line="74"/>
        <source>Convert {0} to a deal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/convert_lead_dialog.py" line="81"/>
        <source>e.g. 12,500.00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/convert_lead_dialog.py" line="87"/>
        <source>Convert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/convert_lead_dialog.py" line="96"/>
        <source>Nobody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/convert_lead_dialog.py" line="99"/>
        <source>{0} will own the deal, at the account {1} (made if the workspace has none of that name), with {2} as contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/convert_lead_dialog.py" line="103"/>
        <source>{0} will own the deal, with {1} as contact; the lead names no company, so the deal has no account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/convert_lead_dialog.py" line="105"/>
        <source>The lead becomes converted; undo removes the deal again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/convert_lead_dialog.py" line="147"/>
        <source>Amount: “{0}” is not an amount; type a number such as 12500 or 12,500.50 (at most two decimals).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/convert_lead_dialog.py" line="151"/>
        <source>Amount: give the deal an amount above zero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/convert_lead_dialog.py" line="153"/>
        <source>Amount: {0} is far beyond any deal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/convert_lead_dialog.py" line="160"/>
        <source>Deal: give the deal a title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/convert_lead_dialog.py" line="162"/>
        <source>Stage: the pipeline has no open stage for the deal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/convert_lead_dialog.py" line="219"/>
        <source>Convert to deal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/scoring_page.py" line="53"/>
        <source> points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/scoring_page.py" line="210"/>
        <source>Score rule {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/scoring_page.py" line="212"/>
        <source>Seniority keyword {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/scoring_page.py" line="217"/>
        <source>Ideal profile, employees: the minimum {0:,} is above the maximum {1:,}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/scoring_page.py" line="223"/>
        <source>Score: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/sla_page.py" line="203"/>
        <source>SLA {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/sla_page.py" line="206"/>
        <source>Business hours: opening time {0} must be before closing time {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/sla_page.py" line="211"/>
        <source>Time zone: &apos;{0}&apos; is not a time zone; pick one from the list (e.g. Europe/Paris)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/sla_page.py" line="218"/>
        <source>Speed to lead: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_import_pages.py" line="190"/>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_import_pages.py" line="192"/>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_import_pages.py" line="302"/>
        <source>Merged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_import_pages.py" line="302"/>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_import_pages.py" line="303"/>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_import_pages.py" line="303"/>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_import_pages.py" line="310"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_import_pages.py" line="311"/>
        <source>Rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_import_pages.py" line="316"/>
        <source>{0}: {1} created, {2} merged, {3} updated, {4} skipped, {5} refused.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/segment_rules_page.py" line="54"/>
        <source>Segment {0}: give it a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/segment_rules_page.py" line="56"/>
        <source>Two segments are called &apos;{0}&apos;: rename one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/segment_rules_page.py" line="65"/>
        <source>Segment &apos;{0}&apos;, condition {1}: {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/segment_rules_page.py" line="71"/>
        <source>Segment &apos;{0}&apos;: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="32"/>
        <source>Qualified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="32"/>
        <source>Nurturing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="33"/>
        <source>Unqualified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="33"/>
        <source>Converted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="34"/>
        <source>Disqualified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="42"/>
        <source>No deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="42"/>
        <source>On time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="44"/>
        <source>Met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="44"/>
        <source>Missed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="53"/>
        <source>Fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="53"/>
        <source>Ageing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="54"/>
        <source>Late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="54"/>
        <source>Stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="71"/>
        <source>added by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="71"/>
        <source>by the segment&apos;s rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="76"/>
        <source>Sector fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="77"/>
        <source>Country fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="77"/>
        <source>Region fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="78"/>
        <source>Company size fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="79"/>
        <source>Seniority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="79"/>
        <source>Source fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="80"/>
        <source>Cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="92"/>
        <source>Capped at {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="93"/>
        <source>{0} employees, within the ideal {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="95"/>
        <source>Job title {0} is senior</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="97"/>
        <source>Job title {0} is senior ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="98"/>
        <source>Sector {0} is in the ideal profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="99"/>
        <source>Country {0} is in the ideal profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="100"/>
        <source>Region {0} is in the ideal profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="101"/>
        <source>Source {0} is in the ideal profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="115"/>
        <source>Assignment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="126"/>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="141"/>
        <source>{0} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="129"/>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="143"/>
        <source>{0} h {1} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="131"/>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="143"/>
        <source>{0} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="172"/>
        <source>overdue by {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="173"/>
        <source>overdue since {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="175"/>
        <source>due in {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="176"/>
        <source>due {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="182"/>
        <source>contacted in {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="183"/>
        <source>contacted before hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="192"/>
        <source>Contacted after {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="193"/>
        <source>Contacted outside business hours, before the clock started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="195"/>
        <source>missed the deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="196"/>
        <source>within the deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/lead_format.py" line="199"/>
        <source>No first-contact deadline applies</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LeadImportDialog</name>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_import_dialog.py" line="81"/>
        <source>Import leads — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_import_dialog.py" line="84"/>
        <location filename="../../src/salesdesk/ui/dialogs/lead_import_dialog.py" line="144"/>
        <source>Reading {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_import_dialog.py" line="111"/>
        <source>‹ Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_import_dialog.py" line="112"/>
        <source>Preview ›</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_import_dialog.py" line="113"/>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_import_dialog.py" line="114"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_import_dialog.py" line="115"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_import_dialog.py" line="143"/>
        <source>Reading the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_import_dialog.py" line="153"/>
        <location filename="../../src/salesdesk/ui/dialogs/lead_import_dialog.py" line="168"/>
        <location filename="../../src/salesdesk/ui/dialogs/lead_import_dialog.py" line="184"/>
        <source>Step 1 of 3 — Which column holds what</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_import_dialog.py" line="169"/>
        <source>Checking every row…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_import_dialog.py" line="180"/>
        <location filename="../../src/salesdesk/ui/dialogs/lead_import_dialog.py" line="215"/>
        <source>Step 2 of 3 — Check before importing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_import_dialog.py" line="199"/>
        <source>Step 3 of 3 — Importing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_import_dialog.py" line="200"/>
        <source>Importing {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_import_dialog.py" line="206"/>
        <source>Import finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_import_dialog.py" line="220"/>
        <source>Import refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_import_dialog.py" line="225"/>
        <source>{0} could not be imported: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_import_dialog.py" line="227"/>
        <source>Nothing was imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_import_dialog.py" line="259"/>
        <source>Correct the problems listed first: an import is all or nothing.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LeadRulesDialog</name>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_rules_dialog.py" line="52"/>
        <source>Lead rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_rules_dialog.py" line="57"/>
        <source>Segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_rules_dialog.py" line="58"/>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_rules_dialog.py" line="59"/>
        <source>Speed to lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_rules_dialog.py" line="61"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_rules_dialog.py" line="87"/>
        <source>Reading the lead rules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_rules_dialog.py" line="132"/>
        <source>{0} tab: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_rules_dialog.py" line="166"/>
        <source>Saving the lead rules and re-scoring the leads…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_rules_dialog.py" line="168"/>
        <source>Change the lead rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_rules_dialog.py" line="173"/>
        <source>Re-scoring the leads…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_rules_dialog.py" line="189"/>
        <source>Lead rules saved. Re-scored {0:,} leads.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="55"/>
        <source>SalesDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="94"/>
        <source>shared PostgreSQL database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="95"/>
        <source>local workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="96"/>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="97"/>
        <source>SalesDesk — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="119"/>
        <source>Forecast snapshots were not frozen: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="143"/>
        <location filename="../../src/salesdesk/ui/main_window.py" line="183"/>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="143"/>
        <location filename="../../src/salesdesk/ui/main_window.py" line="184"/>
        <source>Territories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="154"/>
        <source>Opening workspace {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="155"/>
        <source>Opening workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="164"/>
        <source>No workspace is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="185"/>
        <location filename="../../src/salesdesk/ui/main_window.py" line="191"/>
        <source>Leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="144"/>
        <location filename="../../src/salesdesk/ui/main_window.py" line="186"/>
        <source>Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="187"/>
        <location filename="../../src/salesdesk/ui/main_window.py" line="197"/>
        <source>Forecast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="192"/>
        <source>Open a workspace to import leads from marketing, sort them into segments, score them and route each lead to the rep whose skills fit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="198"/>
        <source>Open a workspace to see what will close this week, month and quarter, how past forecasts compared with what was won, and where deals leak.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="217"/>
        <source>This workspace is empty. Start from the sample company (35 reps, 85 accounts) or import your own team.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="219"/>
        <source>Open the sample company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="221"/>
        <source>Import team…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="243"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="245"/>
        <source>&amp;New workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="247"/>
        <source>&amp;Open workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="250"/>
        <source>Open &amp;shared database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="252"/>
        <source>Open the sample &amp;company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="254"/>
        <source>Workspace &amp;settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="258"/>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="259"/>
        <source>Team members…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="260"/>
        <source>Accounts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="261"/>
        <source>Products…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="262"/>
        <source>Deals…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="265"/>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="266"/>
        <source>Team roster…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="268"/>
        <source>Accounts and territories…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="271"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="274"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="275"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="277"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="281"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="282"/>
        <source>&amp;About SalesDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="285"/>
        <source>About SalesDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="286"/>
        <source>&lt;h3&gt;SalesDesk {0}&lt;/h3&gt;&lt;p&gt;Team, territories, leads, pipeline and forecast for sales managers — on your laptop, offline included.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_import_pages.py" line="159"/>
        <source>These columns are the ones you chose the last time you imported a file laid out like this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_import_pages.py" line="161"/>
        <source>Columns were guessed from their names and from what their cells hold. Pick another column where a guess is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_import_pages.py" line="221"/>
        <source>For every duplicate group:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_import_pages.py" line="258"/>
        <source>{0} rows read; {1} problems. Nothing can be imported until the file is corrected (or a column is mapped differently).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_import_pages.py" line="262"/>
        <source>{0} rows read, no problems. 1 group of duplicates (among the file&apos;s rows or with leads already in the workspace): choose what happens to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_import_pages.py" line="266"/>
        <source>{0} rows read, no problems. {1} groups of duplicates (among the file&apos;s rows or with leads already in the workspace): choose what happens to each.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_import_pages.py" line="269"/>
        <source>{0} rows read, no problems, no duplicates: every row becomes a new lead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_import_pages.py" line="279"/>
        <source>{0} more groups are not listed: they take the choice above. {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/lead_import_pages.py" line="341"/>
        <source>{0} was refused: {1} problems. Nothing was imported; correct the file and import it again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoutingPreviewDialog</name>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/routing_preview_dialog.py" line="65"/>
        <source>Route leads — preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/routing_preview_dialog.py" line="66"/>
        <source>Working out who gets each lead…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/routing_preview_dialog.py" line="76"/>
        <source>Nothing is written until you apply. Edit › Undo hands the routed leads back to nobody.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/routing_preview_dialog.py" line="79"/>
        <source>Apply routing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/routing_preview_dialog.py" line="129"/>
        <source>Working out the routing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/routing_preview_dialog.py" line="137"/>
        <source>Proposals ({0:,})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/routing_preview_dialog.py" line="138"/>
        <source>Unassigned ({0:,})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/routing_preview_dialog.py" line="139"/>
        <source>Per rep ({0:,})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/routing_preview_dialog.py" line="149"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/routing_preview_dialog.py" line="149"/>
        <location filename="../../src/salesdesk/ui/dialogs/routing_preview_dialog.py" line="179"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/routing_preview_dialog.py" line="158"/>
        <source>Every open lead has an owner: there is nothing to route.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/routing_preview_dialog.py" line="161"/>
        <source>{0:,} open leads without an owner, and no rep can take them now: see why below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/routing_preview_dialog.py" line="163"/>
        <source>{0:,} open leads without an owner: {1:,} proposed to {2:,} reps, {3:,} left unassigned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/routing_preview_dialog.py" line="172"/>
        <source> · and {0} more reps (Per rep tab)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/routing_preview_dialog.py" line="176"/>
        <source>The routing could not be worked out: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/routing_preview_dialog.py" line="192"/>
        <source>Route {0:,} leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/routing_preview_dialog.py" line="217"/>
        <source>The routing was not applied; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SalesDesk</name>
    <message>
        <location filename="../../src/salesdesk/app.py" line="37"/>
        <source>Something went wrong ({0}). The details were written to the SalesDesk log.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScoringPage</name>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/scoring_page.py" line="72"/>
        <source>Add rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/scoring_page.py" line="73"/>
        <source>Remove rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/scoring_page.py" line="74"/>
        <source>e.g. {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/scoring_page.py" line="81"/>
        <source>no minimum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/scoring_page.py" line="82"/>
        <source>no maximum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/scoring_page.py" line="85"/>
        <source>Add keyword</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/scoring_page.py" line="86"/>
        <source>Remove keyword</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/scoring_page.py" line="87"/>
        <source>job title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/scoring_page.py" line="88"/>
        <source>sector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/scoring_page.py" line="89"/>
        <source>employees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/scoring_page.py" line="91"/>
        <source>source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/scoring_page.py" line="104"/>
        <source>Score rules: points when a lead&apos;s field passes the test (negative points take away)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/scoring_page.py" line="119"/>
        <source>Ideal customer profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/scoring_page.py" line="123"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/scoring_page.py" line="125"/>
        <source>Sectors:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/scoring_page.py" line="126"/>
        <source>Countries:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/scoring_page.py" line="128"/>
        <source>or regions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/scoring_page.py" line="129"/>
        <source>Employees:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/scoring_page.py" line="130"/>
        <source>Sources:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/scoring_page.py" line="139"/>
        <source>Lists are separated by commas. A region counts only when the lead&apos;s country is not listed; an empty list gives no points.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/scoring_page.py" line="146"/>
        <source>Job-title seniority (the highest keyword found counts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/scoring_page.py" line="157"/>
        <source>Try it on a made-up lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/scoring_page.py" line="255"/>
        <source>Type a job title, a sector, a size or a source to see the score it would get.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/scoring_page.py" line="264"/>
        <source>no points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/scoring_page.py" line="265"/>
        <source>Score {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SegmentRulesPage</name>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/segment_rules_page.py" line="90"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/segment_rules_page.py" line="90"/>
        <source>Add a segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/segment_rules_page.py" line="91"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/segment_rules_page.py" line="92"/>
        <source>Remove the selected segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/segment_rules_page.py" line="93"/>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/segment_rules_page.py" line="93"/>
        <source>Show it earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/segment_rules_page.py" line="94"/>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/segment_rules_page.py" line="94"/>
        <source>Show it later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/segment_rules_page.py" line="95"/>
        <source>e.g. price objection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/segment_rules_page.py" line="102"/>
        <source>Add condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/segment_rules_page.py" line="103"/>
        <source>Remove condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/segment_rules_page.py" line="104"/>
        <source>No conditions: a manual segment. Leads join it only when someone adds them by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/segment_rules_page.py" line="106"/>
        <source>Text is compared ignoring case and extra spaces; &apos;is one of&apos; takes values separated by commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/segment_rules_page.py" line="109"/>
        <source>How to nurture these leads: who calls, how soon, what to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/segment_rules_page.py" line="124"/>
        <source>Segments, in the order the board shows them:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/segment_rules_page.py" line="134"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/segment_rules_page.py" line="135"/>
        <source>A lead is in it when:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/segment_rules_page.py" line="141"/>
        <source>Nurture plan:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/segment_rules_page.py" line="195"/>
        <source>new segment {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlaPage</name>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/sla_page.py" line="85"/>
        <source>Add SLA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/sla_page.py" line="86"/>
        <source>Remove SLA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/sla_page.py" line="87"/>
        <source>Leads in no segment above: first contact within</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/sla_page.py" line="110"/>
        <source>First contact targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/sla_page.py" line="112"/>
        <source>A lead in several segments gets the strictest target. The clock runs in business hours only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/sla_page.py" line="123"/>
        <source>Business hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/sla_page.py" line="126"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/sla_page.py" line="130"/>
        <source>Open:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/sla_page.py" line="135"/>
        <source>Time zone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/sla_page.py" line="136"/>
        <source>Working days:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/sla_page.py" line="137"/>
        <source>Holidays:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/sla_page.py" line="138"/>
        <source>Working days and holidays are the workspace calendar&apos;s: edit them in File › Workspace settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/sla_page.py" line="180"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/sla_page.py" line="183"/>
        <source>none coming up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/sla_page.py" line="185"/>
        <source>(and {0} more)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TeamTab</name>
    <message>
        <location filename="../../src/salesdesk/ui/team_tab.py" line="104"/>
        <source>Search name, email, team or manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_tab.py" line="110"/>
        <source>All roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_tab.py" line="110"/>
        <source>Reps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_tab.py" line="111"/>
        <source>Managers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_tab.py" line="112"/>
        <source>Admins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_tab.py" line="114"/>
        <source>Show people who left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_tab.py" line="115"/>
        <source>Add member…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_tab.py" line="116"/>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_tab.py" line="117"/>
        <location filename="../../src/salesdesk/ui/team_tab.py" line="363"/>
        <source>Deactivate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_tab.py" line="118"/>
        <source>Add team…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_tab.py" line="147"/>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_tab.py" line="148"/>
        <source>Hierarchy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_tab.py" line="149"/>
        <source>Skills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_tab.py" line="151"/>
        <source>Quotas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_tab.py" line="162"/>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_tab.py" line="164"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_tab.py" line="271"/>
        <source>All teams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_tab.py" line="274"/>
        <source>No team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_tab.py" line="302"/>
        <source>No skills are recorded yet. Use “Add skill column…” to start the matrix, for example with the languages your reps speak.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_tab.py" line="362"/>
        <source>Reactivate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
