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
        <location filename="../../src/salesdesk/ui/actions.py" line="175"/>
        <source>Import {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/actions.py" line="198"/>
        <source>Importing {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/actions.py" line="206"/>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/actions.py" line="211"/>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/actions.py" line="214"/>
        <source>Exported {0} rows to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/actions.py" line="220"/>
        <source>Export team roster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/actions.py" line="226"/>
        <source>Export accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/assign_rep_dialog.py" line="39"/>
        <location filename="../../src/salesdesk/ui/models/coverage_model.py" line="184"/>
        <location filename="../../src/salesdesk/ui/team_format.py" line="41"/>
        <source>Rep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/assign_rep_dialog.py" line="39"/>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="41"/>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="148"/>
        <location filename="../../src/salesdesk/ui/models/members_model.py" line="60"/>
        <location filename="../../src/salesdesk/ui/team_format.py" line="41"/>
        <location filename="../../src/salesdesk/ui/team_views.py" line="310"/>
        <source>Manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/assign_rep_dialog.py" line="39"/>
        <location filename="../../src/salesdesk/ui/team_format.py" line="41"/>
        <source>Admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/assign_rep_dialog.py" line="46"/>
        <source>Assign a rep to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/assign_rep_dialog.py" line="56"/>
        <source>Ends on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/assign_rep_dialog.py" line="67"/>
        <source>&amp;Rep:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/assign_rep_dialog.py" line="68"/>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/assign_rep_dialog.py" line="69"/>
        <source>Until:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/assign_rep_dialog.py" line="72"/>
        <source>Assign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/assign_rep_dialog.py" line="88"/>
        <source>Rep: nobody in the team is active; add or re-hire someone first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/assign_rep_dialog.py" line="90"/>
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
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="40"/>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="145"/>
        <location filename="../../src/salesdesk/ui/dialogs/team_dialog.py" line="66"/>
        <location filename="../../src/salesdesk/ui/models/hierarchy_model.py" line="133"/>
        <location filename="../../src/salesdesk/ui/models/members_model.py" line="57"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="40"/>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="146"/>
        <location filename="../../src/salesdesk/ui/models/members_model.py" line="61"/>
        <location filename="../../src/salesdesk/ui/team_views.py" line="310"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="40"/>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="147"/>
        <location filename="../../src/salesdesk/ui/models/hierarchy_model.py" line="133"/>
        <location filename="../../src/salesdesk/ui/models/members_model.py" line="58"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="41"/>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="42"/>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="149"/>
        <location filename="../../src/salesdesk/ui/models/hierarchy_model.py" line="134"/>
        <location filename="../../src/salesdesk/ui/models/members_model.py" line="59"/>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="42"/>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="152"/>
        <location filename="../../src/salesdesk/ui/team_views.py" line="311"/>
        <source>Capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="43"/>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="151"/>
        <source>Ramp-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="43"/>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="122"/>
        <source>Hired on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="44"/>
        <location filename="../../src/salesdesk/ui/dialogs/team_dialog.py" line="100"/>
        <source>Skill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="44"/>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="264"/>
        <source>Left on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="54"/>
        <source>{0} is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="55"/>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="81"/>
        <source>Add member</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="82"/>
        <location filename="../../src/salesdesk/ui/team_edits.py" line="54"/>
        <source>Edit {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="107"/>
        <source>First and last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="108"/>
        <source>name@company.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="113"/>
        <source>No manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="115"/>
        <source>{0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="116"/>
        <source>{0} — left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="119"/>
        <source>No team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="123"/>
        <source>Leave unticked when the hire date is not known; the member then counts as fully ramped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="126"/>
        <source> months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="127"/>
        <source>How long a new hire takes to carry a full load of leads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="128"/>
        <source> open leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="129"/>
        <source>Open leads the member can carry when fully ramped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="255"/>
        <location filename="../../src/salesdesk/ui/team_edits.py" line="66"/>
        <source>Deactivate {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="260"/>
        <source>{0} stays in reports and history, but gets no new leads and cannot manage anyone. You can reactivate them later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/member_dialog.py" line="267"/>
        <source>Deactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/team_dialog.py" line="63"/>
        <source>Add team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/team_dialog.py" line="65"/>
        <source>e.g. North, Enterprise, Inside sales</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/team_dialog.py" line="93"/>
        <source>Add skill column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/team_dialog.py" line="98"/>
        <source>e.g. German, Enterprise, GTX Pro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/team_dialog.py" line="99"/>
        <source>Kind</source>
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
        <location filename="../../src/salesdesk/ui/dialogs/territory_dialog.py" line="42"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/territory_dialog.py" line="43"/>
        <source>&amp;Inside:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/territory_dialog.py" line="44"/>
        <source>A sub-territory only sees the accounts its parent&apos;s rules match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/territory_dialog.py" line="59"/>
        <source>(top level)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/territory_dialog.py" line="81"/>
        <source>Name: enter a name for the territory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/territory_dialog.py" line="86"/>
        <source>Name: &apos;{0}&apos; exists already at this level.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/workspace_settings_dialog.py" line="22"/>
        <source>Workspace settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/workspace_settings_dialog.py" line="29"/>
        <source>Currency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/dialogs/workspace_settings_dialog.py" line="30"/>
        <source>Every amount in this workspace is in this currency. Changing it does not convert amounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/accounts_model.py" line="39"/>
        <location filename="../../src/salesdesk/ui/models/coverage_model.py" line="156"/>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/accounts_model.py" line="39"/>
        <location filename="../../src/salesdesk/ui/territory_rules.py" line="38"/>
        <source>Industry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/accounts_model.py" line="39"/>
        <location filename="../../src/salesdesk/ui/territory_rules.py" line="36"/>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/accounts_model.py" line="39"/>
        <location filename="../../src/salesdesk/ui/territory_rules.py" line="36"/>
        <source>Region/state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/accounts_model.py" line="39"/>
        <location filename="../../src/salesdesk/ui/territory_rules.py" line="38"/>
        <source>Employees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/accounts_model.py" line="40"/>
        <source>Revenue (m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/coverage_model.py" line="125"/>
        <location filename="../../src/salesdesk/ui/models/coverage_model.py" line="145"/>
        <location filename="../../src/salesdesk/ui/models/territory_tree_model.py" line="29"/>
        <source>Territory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/coverage_model.py" line="126"/>
        <location filename="../../src/salesdesk/ui/models/coverage_model.py" line="147"/>
        <location filename="../../src/salesdesk/ui/models/territory_tree_model.py" line="29"/>
        <location filename="../../src/salesdesk/ui/territories_tab.py" line="163"/>
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
        <location filename="../../src/salesdesk/ui/models/coverage_model.py" line="132"/>
        <location filename="../../src/salesdesk/ui/models/territory_tree_model.py" line="29"/>
        <location filename="../../src/salesdesk/ui/territories_tab.py" line="162"/>
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
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/coverage_model.py" line="186"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/coverage_model.py" line="186"/>
        <source>open-ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/models/coverage_model.py" line="188"/>
        <location filename="../../src/salesdesk/ui/models/members_model.py" line="66"/>
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
        <location filename="../../src/salesdesk/ui/models/hierarchy_model.py" line="135"/>
        <location filename="../../src/salesdesk/ui/models/members_model.py" line="62"/>
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
        <location filename="../../src/salesdesk/ui/ops.py" line="98"/>
        <source>Cannot write/read {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/ops.py" line="100"/>
        <source>Something went wrong: {0}. Your data was not changed by the failed action; details were written to the SalesDesk log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/ops.py" line="152"/>
        <location filename="../../src/salesdesk/ui/ops.py" line="164"/>
        <source>SalesDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/ops.py" line="163"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_edits.py" line="44"/>
        <source>Add {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_edits.py" line="78"/>
        <source>Reactivate {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_edits.py" line="96"/>
        <source>Set {0}&apos;s {1} to {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_edits.py" line="108"/>
        <source>Add team {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_edits.py" line="116"/>
        <source>Add skill {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_format.py" line="49"/>
        <source>Products</source>
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
        <location filename="../../src/salesdesk/ui/team_format.py" line="50"/>
        <source>Segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_format.py" line="58"/>
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
        <location filename="../../src/salesdesk/ui/undo.py" line="111"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/undo.py" line="112"/>
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
        <location filename="../../src/salesdesk/ui/main_window.py" line="125"/>
        <location filename="../../src/salesdesk/ui/main_window.py" line="159"/>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="126"/>
        <location filename="../../src/salesdesk/ui/main_window.py" line="160"/>
        <source>Territories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="136"/>
        <source>Opening workspace {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="137"/>
        <source>Opening workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="146"/>
        <source>No workspace is open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="165"/>
        <source>Leads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="165"/>
        <source>Lead board — not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="166"/>
        <source>Leads will arrive here: import from marketing, sort into segments, score, and route each lead to the rep whose skills fit it. This part of SalesDesk has not been built yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="169"/>
        <source>Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="169"/>
        <source>Pipeline — not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="170"/>
        <source>Deals will move through stages on a kanban board here, with stale deals, wins and losses. This part of SalesDesk has not been built yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="172"/>
        <source>Forecast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="172"/>
        <source>Forecast — not yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="173"/>
        <source>Forecasts for the week, month and quarter, their history and accuracy, and the analysis that finds where deals leak will live here. This part of SalesDesk has not been built yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="194"/>
        <source>This workspace is empty. Start from the sample company (35 reps, 85 accounts) or import your own team.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="196"/>
        <source>Open the sample company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="198"/>
        <source>Import team…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="220"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="222"/>
        <source>&amp;New workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="224"/>
        <source>&amp;Open workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="227"/>
        <source>Open &amp;shared database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="229"/>
        <source>Open the sample &amp;company</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="231"/>
        <source>Workspace &amp;settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="235"/>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="236"/>
        <source>Team members…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="237"/>
        <source>Accounts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="238"/>
        <source>Products…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="241"/>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="242"/>
        <source>Team roster…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="244"/>
        <source>Accounts and territories…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="247"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="250"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="251"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="253"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="257"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="258"/>
        <source>&amp;About SalesDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="261"/>
        <source>About SalesDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/main_window.py" line="262"/>
        <source>&lt;h3&gt;SalesDesk {0}&lt;/h3&gt;&lt;p&gt;Team, territories, leads, pipeline and forecast for sales managers — on your laptop, offline included.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SalesDesk</name>
    <message>
        <location filename="../../src/salesdesk/app.py" line="39"/>
        <source>Something went wrong ({0}). The details were written to the SalesDesk log.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TeamTab</name>
    <message>
        <location filename="../../src/salesdesk/ui/team_tab.py" line="103"/>
        <source>Search name, email, team or manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_tab.py" line="109"/>
        <source>All roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_tab.py" line="109"/>
        <source>Reps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_tab.py" line="110"/>
        <source>Managers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_tab.py" line="111"/>
        <source>Admins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_tab.py" line="113"/>
        <source>Show people who left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_tab.py" line="114"/>
        <source>Add member…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_tab.py" line="115"/>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_tab.py" line="116"/>
        <location filename="../../src/salesdesk/ui/team_tab.py" line="347"/>
        <source>Deactivate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_tab.py" line="117"/>
        <source>Add team…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_tab.py" line="146"/>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_tab.py" line="147"/>
        <source>Hierarchy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_tab.py" line="148"/>
        <source>Skills</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_tab.py" line="157"/>
        <source>Team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_tab.py" line="159"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_tab.py" line="255"/>
        <source>All teams</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_tab.py" line="258"/>
        <source>No team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_tab.py" line="286"/>
        <source>No skills are recorded yet. Use “Add skill column…” to start the matrix, for example with the languages your reps speak.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/salesdesk/ui/team_tab.py" line="346"/>
        <source>Reactivate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
