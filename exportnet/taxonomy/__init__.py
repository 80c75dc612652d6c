"""Product taxonomy: the Harmonized System (HS 2022) and the economies of ExportNet.

`exportnet.taxonomy.hs` holds the 21 sections, 96 chapters and 1,228 headings of the HS 2022
nomenclature, with section and chapter names in every UI language; `exportnet.taxonomy.economies`
holds the member economies (ASEAN+3) and validates and names any ISO 3166-1 alpha-2 economy.
Both load their data lazily and import nothing from the application factory.
"""
