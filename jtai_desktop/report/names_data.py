"""Word lists for recognising people's names in an inspection's English (see ``names``).

GIVEN: given names common in England and Wales across the ages of children, parents and
grandparents, and across the communities a local authority serves. Hand-compiled for this
app (the build machines reach no data source); the ONS "Baby names in England and Wales"
tables are the public reference for which names are common. Extend it when a name is missed.
SURNAMES: common surnames in Great Britain and Ireland. CUE_ONLY: names that are also
ordinary words, months or places ("Will", "May", "Grace", "Chester"), taken as a name only
with a cue (a title, a family word, a surname, "said"). NOT_NAMES: capitalised words of the
register that follow family words or stand where names stand ("her mother, Children's
Services ..."), never a person's name.
"""

from __future__ import annotations

from .normalise import words

GIVEN = words(
    """
    Aaliyah Aaron Abbie Abby Abdul Abdullah Abel Abigail Abu Ada Adam Adele Adrian Ahmed
    Ahmad Aidan Aiden Aila Aimee Aisha Aishah Alan Alana Albert Alec Alesha Alex Alexa
    Alexander Alexandra Alexis Alfie Alfred Ali Alice Alicia Alina Alisha Alison Alistair
    Allan Amaan Amanda Amara Amber Amelia Amelie Amina Amir Amira Amy Ana Anastasia Andre
    Andrea Andrew Andy Aneesa Angel Angela Angelina Anika Anita Ann Anna Annabel Annabelle
    Anne Annie Anthony Antonia Anya Archie Aria Ariana Arjun Arlo Arran Arthur Arya Asha
    Ashleigh Ashton Asif Aston Aurora Ava Ayaan Ayan Ayesha Ayla Aysha Barbara Barry
    Beatrice Beatrix Becky Bella Ben Benjamin Bernard Beth Bethan Bethany Betty Bianca
    Billie Billy Blessing Bobby Bonnie Bradley Brandon Brenda Brendan Brian Bridget
    Brodie Brooke Bryony Caitlin Caleb Callum Calum Calvin Cameron Camilla Cara Carl Carla
    Carly Carmen Caroline Carrie Casey Cassie Catherine Cerys Chanel Chantelle Charlene
    Charles Charley Charlie Charlotte Chelsea Chenise Cheryl Chloe Chris Christian
    Christina Christine Christopher Ciara Ciaran Clara Clare Claire Clarissa Claudia
    Cody Colin Conor Connor Corey Courtney Craig Daisy Dale Damian Damien Dan Dana Daniel
    Daniela Daniella Danielle Danny Dante Darcey Darcie Darcy Darius Darren Darryl Dave
    David Dawid Dean Debbie Deborah Declan Demi Denise Dennis Derek Destiny Dexter Diana
    Diane Dominic Dominika Donna Dylan Ebony Eden Edward Edwin Eileen Elaine Eleanor
    Elena Eli Elias Elijah Elin Eliza Elizabeth Ella Elle Ellie Elliot Elliott Ellis
    Elodie Eloise Elsa Elsie Emad Emeka Emilia Emily Emma Emmanuel Enzo Eric Erin Esme
    Esther Ethan Eva Eve Evelyn Evie Ewan Ezra Fatima Fatma Faye Felix Fern Finlay Finley
    Finn Fiona Florence Frances Francesca Francis Frankie Freddie Freya Gabriel Gabriela
    Gabriella Gareth Gary Gavin Gemma Georgia George Georgina Gerald Gill Gillian Gina
    Glen Glenn Gloria Gordon Graham Gregory Greta Gurpreet Hafsa Hamza Hana Hannah Harlow
    Harley Harmony Harper Harriet Harrison Harry Harvey Hassan Hayden Hayley Hazel Heather
    Hector Heidi Helen Henry Hollie Hugo Hussain Iain Ian Ibrahim Idris Imogen Imran Ines
    Inaya Irene Isaac Isabel Isabella Isabelle Isaiah Isla Ismail Ivan Izzy Jacob Jade
    Jake Jakub Jamal James Jamie Jan Jane Janet Janice Jasmine Jason Jasper Javier Jay
    Jayden Jaylen Jean Jennifer Jenny Jeremy Jess Jessica Jessie Jill Joanna Joanne Jodie
    Joe Joel Joey John Johnny Jon Jonah Jonathan Jordan Joseph Josephine Josh Joshua
    Josie Judith Julia Julian Julie Junaid Justin Kacper Kai Kaiden Kamal Kamil Kara
    Karen Karim Kasey Kate Katherine Kathleen Kathryn Katie Katy Kayden Kayla Kayleigh
    Keeley Keira Keith Kelly Kelsey Kenneth Kerry Kevin Khadija Kian Kieran Kim Kimberley
    Kirsty Kobe Kofi Kristian Krystal Kuba Kwame Kyle Kylie Lacey Lachlan Laila Lara
    Laura Lauren Layla Leah Leanne Lee Leila Lena Lenny Leo Leon Leona Leonard Leonardo
    Leonie Levi Lewis Lexi Lexie Liam Libby Lila Lilly Lilia Lillian Lina Linda Lindsay
    Lisa Logan Lois Lola Lorna Lorraine Louie Louis Louisa Louise Luca Lucas Lucia Lucy
    Luke Luna Lyla Lynn Lynne Mabel Macie Maddison Madeleine Madison Maisie Maisy Maja
    Malachi Malik Maria Mariam Marie Marcus Margaret Maria Marion Marley Martha Martin
    Mary Maryam Matilda Matthew Matteo Maxwell Maya Megan Melissa Mia Michael Michaela
    Michelle Mikolaj Mila Milan Miley Millie Mohamed Mohammed Mohammad Molly Muhammad
    Musa Mustafa Nadia Naomi Nasir Natalia Natalie Natasha Nathan Nathaniel Neil Nevaeh
    Niamh Nicholas Nicola Nicole Nikita Nina Noah Noor Nora Norah Nuala Oakley Oleksandr
    Oliver Olivia Ollie Omar Oscar Oskar Owen Paige Pamela Patricia Patrick Paul Paula
    Pauline Penelope Peter Philip Phoebe Phillip Piper Polly Priya Rachel Rafael Rahul
    Raj Rania Rashid Rayan Rebecca Reece Reggie Reuben Rhys Rhiannon Ricky Riley Rio
    Rita Robert Roberto Robyn Rocco Ronald Ronan Ronnie Rory Rosie Rowan Roxanne Ruby Rudy
    Rufus Ruth Ryan Ryder Sabrina Sadie Safa Sahil Saima Saira Sally Sam Samantha Samir
    Samuel Sana Sandra Sara Sarah Sasha Saskia Scarlett Scott Sean Sebastian Serena Shane
    Shannon Sharon Shauna Shaun Shawn Sheila Shona Siddharth Sienna Simon Simran Sofia
    Sonia Sophia Sophie Spencer Stacey Stanislav Stefan Stella Stephanie Stephen Steve
    Steven Stuart Susan Suzanne Sylvia Szymon Tahir Tamara Tammy Tanya Tara Tariq Tasha
    Taylor Teddy Terence Teresa Terri Terry Tess Tessa Theo Theodore Thomas Tia Tiana
    Tiffany Tilly Timothy Tina Toby Tom Tommy Toni Tony Tracey Tracy Travis Trevor Tyler
    Tyrone Usman Valentina Vanessa Vera Veronica Vicky Victoria Vincent Violet Vivienne
    Wayne Wendy Wiktoria William Willow Xavier Yasmin Yasmine Yusuf Zac Zach Zachary
    Zain Zak Zara Zayn Zeynep Zoe Zofia Zuzanna Kayden Kacey Jaxon Jackson Jax Jenson
    Bailey Brody Carter Cooper Hunter Parker Mason Tyler Ryley Skye Skyler Ellis Harlee
    Tegan Tayla Kiera Courtney Jodie Shelby Chardonnay Jamie-Leigh Kayla-Marie Lacie
    Nathan-James Hollie-Mae Aleksander Agnieszka Katarzyna Marek Tomasz Piotr Andrei Ion
    Ionut Mihai Elena Florin Adriana Oana Nikolai Olena Yulia Dmytro Abdirahman Abdi
    Hodan Fadumo Ayaan Ifrah Nasra Amal Habiba Adebayo Chidi Chinedu Ngozi Oluwaseun Tunde
    Femi Ife Kemi Yetunde Precious Tendai Tatenda Nyasha Kwabena Ama Akua Efua Jaspreet
    Harpreet Manpreet Navdeep Gurdeep Sukhdeep Amrit Ravinder Rajinder Sunita Anjali
    Deepak Vikram Rohan Arun Ravi Shabana Nazia Rukhsana Shazia Farhan Bilal Hamid Faisal
    Waqas Zubair Adnan Arif Kashif Nadeem Tanvir Rubina Sabina Parveen Shirin Mehmet
    Emre Elif Ayse Hatice Kiran Sanjay Ramesh Nisha Pooja Mei Wei Minh Thanh Linh
    """
)

SURNAMES = words(
    """
    Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson
    Thompson Wright Walker White Edwards Hughes Green Hall Lewis Harris Clarke Clark Patel
    Jackson Wood Turner Martin Cooper Hill Ward Morris Moore Clark Lee King Baker Harrison
    Morgan Allen James Scott Phillips Watson Davis Parker Price Bennett Young Griffiths
    Mitchell Kelly Cook Carter Richardson Bailey Collins Bell Shaw Murphy Miller Cox
    Richards Khan Marshall Anderson Simpson Ellis Adams Singh Begum Wilkinson Foster Chapman
    Powell Webb Rogers Gray Grey Mason Ali Hunt Hussain Campbell Matthews Owen Palmer
    Holmes Mills Barnes Knight Lloyd Butler Russell Barker Fisher Stevens Jenkins Murray
    Dixon Harvey Graham Pearson Ahmed Fletcher Walsh Kaur Gibson Howard Andrews Stewart
    Elliott Reynolds Saunders Payne Fox Ford Pearce Day Brooks West Lawrence Cole Atkinson
    Bradley Spencer Gill Dawson Ball Burton O'Brien Watts Rose Booth Perry Ryan Grant Wells
    Armstrong Francis Rees Hayes Hart Hudson Newman Barrett Webster Hunter Gregory Carr
    Lowe Page Marsh Riley Dunn Woods Parsons Berry Stone Reid Holland Hawkins Harding
    Porter Robertson Newton Oliver Reed Kennedy Williamson Bird Gardner Shah Dean Lane
    Cunningham Warren Nicholson Gordon Burke Hooper Hopkins Doyle Pritchard Sutton Lambert
    McDonald MacDonald McCarthy O'Connor O'Neill Byrne Quinn Brennan Gallagher Doherty
    Kaczmarek Kowalski Nowak Wisniewski Lewandowski Popescu Ionescu Okafor Okoro Adeyemi
    Mensah Osei Boateng Asante Mohamed Mohammed Abdi Farah Warsame Rahman Islam Miah
    Uddin Chowdhury Akhtar Iqbal Malik Aziz Sharma Kumar Gupta Mistry Chauhan Sandhu Sidhu
    Dhillon Nguyen Tran Chen Wang Yilmaz Demir Kaya Horvath Kovacs Blake Hartley Pryce
    Whitfield Ashby Maddox Kettering Fairbairn Quinlan Rudd Sefton Brookes Hughes-Jones
    Labinjo-Hughes Hobson Connelly Climbie Pelka Lowe Hart Wood Cartwright Sheppard
    Lindsay Morrison Paterson Henderson Ross Fraser Hamilton Mackenzie Duncan Kerr
    """
)

CUE_ONLY = words(
    """
    Will May June April August Grace Hope Faith Joy Rose Lily Ivy Holly Daisy Poppy Dawn
    Summer Autumn River Sky Sunny Mark Bill Pat Sue Drew Rob Robin Jack Frank Victor Hunter
    Chase Mason Archer Baker Max Miles Guy Art Ray Don Bob Carol Sandy Amber Crystal Jade
    Ruby Harmony Honor Royal Prince Major Earl Duke Rich Sterling Justice Patience Chester
    Lincoln Stanley Beverley Shirley Sydney Florence Kendal Preston Austin Jersey India
    Georgia Jordan Kenya Paris Eden Devon Clyde Chad Israel Lewis Dean Carter Cooper Parker
    Taylor Tyler Bailey Skye Willow Storm Rain Phoenix Blessing Precious Destiny Angel
    Harley Sage Ellis Reading Hanna Marsh Brook Brooke Lee Eve Jan Milan Chelsea Ashton
    Aston Rio
    """
)

NOT_NAMES = words(
    """
    A An The This That These Those He She They We It His Her Their Our Its Who Whom Whose
    When Where While After Before During Since Until Because Although However Also And But
    Or So If As At In On Of To For From By With Without About Into Over Under Between Both
    Each Every All Some Many Most Several No Not Only Just Even Still Yet Then There Here
    Child Children Children's Young Family Families Mum Mother Father Dad Parent Parents
    Social Services Service Care Police Health Education School Schools Early Help MASH
    NHS GP GPs CAMHS ICB Ofsted CQC HMICFRS HMI Probation Youth Justice Court Council
    Local Authority Partnership Partners Agency Agencies Team Teams Staff Practitioners
    Leaders Managers Manager Head Director Chief Officer Detective Sergeant Constable
    Inspector Nurse Midwife Health Visitor Worker Workers Adviser Advisor IDVA IRO
    Designated Safeguarding Lead Lead Strategy Section Conference Plan Assessment Referral
    Contact Operation Encompass Mr Mrs Ms Miss Dr Both Neither Either Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday January February March July
    September October November December Christmas Easter Ramadan Eid English
    British Welsh Scottish Irish Polish Romanian Muslim Christian Sikh Hindu Jewish God
    Allah Jesus Mary's Was Were Is Are Had Has Have Did Does Do Said Told Says Also Then
    Annex Table Figure Area Areas Improvement Strength Strengths Priority Action Actions
    Headline Findings Next Steps Theme Fieldwork Status Draft Letter Inspection Joint
    Targeted Northbridge Unborn Baby Babies Sibling Siblings Carer Carers Foster Kinship
    Special Guardian Guardians Adult Adults Victim Victims Perpetrator Boyfriend Girlfriend
    Partner Step Half One Two Three Four Five Six Seven Eight Nine Ten Case Cases Record
    Records Note Notes Evidence Chronology Discussion Discussions Meeting Meetings Review
    """
)
