#!/usr/bin/env python3
"""Make the Word and PDF fixtures from a plain-text policy document.

Run once, from this folder, with LibreOffice installed (Debian:
apt-get install libreoffice-writer-nogui fonts-noto-cjk):

    python3 make.py ../policies/05-ndrc-nea-2020-816-grid-planning.txt grid-planning

1. It writes <name>-source.docx: a minimal Word document, one paragraph per
   line of the text; the first two lines in the Title style; lines that
   open with 一、 or （一） become Word automatic numbering (numbering.xml,
   chineseCounting, lvlText "%1、" and "（%2）") with the marker removed
   from the text; a footer with a PAGE field printed as "— N —".
2. LibreOffice opens it and saves it as <name>.docx (its own OOXML, the
   numbering kept as numbering) and <name>.pdf (page-number footers).
   With a third argument 2col the text is set in two columns and only the
   PDF is kept:
       python3 make.py ../policies/05-ndrc-nea-2020-816-grid-planning.txt grid-planning-2col 2col
The source file is not kept: the fixtures are what LibreOffice wrote.
"""
import re
import subprocess
import sys
import zipfile
from xml.sax.saxutils import escape

src, name = sys.argv[1], sys.argv[2]
# A third argument "2col" sets the text in two columns (for the PDF only).
COLS = '<w:cols w:num="2" w:space="720"/>' if len(sys.argv) > 3 and sys.argv[3] == "2col" else ""
lines = [l.strip() for l in open(src, encoding="utf-8").read().split("\n") if l.strip()]

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
part = re.compile(r"^[一二三四五六七八九十]+、")
clause = re.compile(r"^（[一二三四五六七八九十]+）")


def para(text, style=None, level=None):
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if level is not None:
        ppr += f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr>'
    if ppr:
        ppr = f"<w:pPr>{ppr}</w:pPr>"
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


body = []
for i, l in enumerate(lines):
    if i < 2:
        body.append(para(l, "Title"))
    elif part.match(l):
        body.append(para(part.sub("", l), level=0))
    elif clause.match(l):
        body.append(para(clause.sub("", l), level=1))
    else:
        body.append(para(l))

document = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {W}><w:body>{''.join(body)}
<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter"/><w:pgSz w:w="11906" w:h="16838"/>
<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/>{COLS}</w:sectPr>
</w:body></w:document>"""

numbering = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {W}>
<w:abstractNum w:abstractNumId="0">
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"""

styles = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W}>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:sz w:val="36"/></w:rPr></w:style>
</w:styles>"""

footer = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr {W}><w:p><w:pPr><w:jc w:val="center"/></w:pPr>
<w:r><w:t xml:space="preserve">— </w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple><w:r><w:t xml:space="preserve"> —</w:t></w:r>
</w:p></w:ftr>"""

content_types = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
</Types>"""

rels = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""

doc_rels = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rIdNum" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>
<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>
</Relationships>"""

source = f"/tmp/{name}-source.docx"
with zipfile.ZipFile(source, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", content_types)
    z.writestr("_rels/.rels", rels)
    z.writestr("word/_rels/document.xml.rels", doc_rels)
    z.writestr("word/document.xml", document)
    z.writestr("word/numbering.xml", numbering)
    z.writestr("word/styles.xml", styles)
    z.writestr("word/footer1.xml", footer)

out = "/tmp/" + name + "-out"
subprocess.run(["soffice", "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", out, source], check=True)
subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", out, source], check=True)
import shutil
if COLS:
    shutil.copy(f"{out}/{name}-source.pdf", f"{name}.pdf")
else:
    shutil.copy(f"{out}/{name}-source.docx", f"{name}.docx")
    shutil.copy(f"{out}/{name}-source.pdf", f"{name}.pdf")
