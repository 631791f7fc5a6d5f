<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>MainWindow</name>
    <message>
        <source>Relasi</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Relasi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relasi cannot open the database:

{0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
