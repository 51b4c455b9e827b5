# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'new_inspection.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QDateEdit, QFormLayout, QGroupBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QListView,
    QPushButton, QRadioButton, QSizePolicy, QSpacerItem,
    QSpinBox, QTableView, QVBoxLayout, QWidget,
    QWizard, QWizardPage)

class Ui_NewInspectionWizard(object):
    def setupUi(self, NewInspectionWizard):
        if not NewInspectionWizard.objectName():
            NewInspectionWizard.setObjectName(u"NewInspectionWizard")
        NewInspectionWizard.resize(720, 560)
        NewInspectionWizard.setWizardStyle(QWizard.ModernStyle)
        NewInspectionWizard.setOptions(QWizard.NoBackButtonOnStartPage)
        self.kindPage = QWizardPage()
        self.kindPage.setObjectName(u"kindPage")
        self.kindLayout = QVBoxLayout(self.kindPage)
        self.kindLayout.setObjectName(u"kindLayout")
        self.frontDoorRadio = QRadioButton(self.kindPage)
        self.frontDoorRadio.setObjectName(u"frontDoorRadio")
        self.frontDoorRadio.setChecked(True)

        self.kindLayout.addWidget(self.frontDoorRadio)

        self.frontDoorHelp = QLabel(self.kindPage)
        self.frontDoorHelp.setObjectName(u"frontDoorHelp")
        self.frontDoorHelp.setWordWrap(True)
        self.frontDoorHelp.setIndent(24)

        self.kindLayout.addWidget(self.frontDoorHelp)

        self.thematicRadio = QRadioButton(self.kindPage)
        self.thematicRadio.setObjectName(u"thematicRadio")

        self.kindLayout.addWidget(self.thematicRadio)

        self.thematicHelp = QLabel(self.kindPage)
        self.thematicHelp.setObjectName(u"thematicHelp")
        self.thematicHelp.setWordWrap(True)
        self.thematicHelp.setIndent(24)

        self.kindLayout.addWidget(self.thematicHelp)

        self.kindSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.kindLayout.addItem(self.kindSpacer)

        NewInspectionWizard.addPage(self.kindPage)
        self.themePage = QWizardPage()
        self.themePage.setObjectName(u"themePage")
        self.themeLayout = QVBoxLayout(self.themePage)
        self.themeLayout.setObjectName(u"themeLayout")
        self.themeLabel = QLabel(self.themePage)
        self.themeLabel.setObjectName(u"themeLabel")

        self.themeLayout.addWidget(self.themeLabel)

        self.themeList = QListView(self.themePage)
        self.themeList.setObjectName(u"themeList")

        self.themeLayout.addWidget(self.themeList)

        self.themeDescription = QLabel(self.themePage)
        self.themeDescription.setObjectName(u"themeDescription")
        self.themeDescription.setTextFormat(Qt.PlainText)
        self.themeDescription.setWordWrap(True)
        self.themeDescription.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.themeLayout.addWidget(self.themeDescription)

        self.themeProblems = QLabel(self.themePage)
        self.themeProblems.setObjectName(u"themeProblems")
        self.themeProblems.setTextFormat(Qt.PlainText)
        self.themeProblems.setWordWrap(True)
        self.themeProblems.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.themeLayout.addWidget(self.themeProblems)

        NewInspectionWizard.addPage(self.themePage)
        self.areaPage = QWizardPage()
        self.areaPage.setObjectName(u"areaPage")
        self.areaLayout = QVBoxLayout(self.areaPage)
        self.areaLayout.setObjectName(u"areaLayout")
        self.areaForm = QFormLayout()
        self.areaForm.setObjectName(u"areaForm")
        self.areaLabel = QLabel(self.areaPage)
        self.areaLabel.setObjectName(u"areaLabel")

        self.areaForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.areaLabel)

        self.areaEdit = QLineEdit(self.areaPage)
        self.areaEdit.setObjectName(u"areaEdit")

        self.areaForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.areaEdit)


        self.areaLayout.addLayout(self.areaForm)

        self.partnershipBox = QGroupBox(self.areaPage)
        self.partnershipBox.setObjectName(u"partnershipBox")
        self.partnershipForm = QFormLayout(self.partnershipBox)
        self.partnershipForm.setObjectName(u"partnershipForm")
        self.partnershipHelp = QLabel(self.partnershipBox)
        self.partnershipHelp.setObjectName(u"partnershipHelp")
        self.partnershipHelp.setWordWrap(True)

        self.partnershipForm.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.partnershipHelp)

        self.localAuthorityLabel = QLabel(self.partnershipBox)
        self.localAuthorityLabel.setObjectName(u"localAuthorityLabel")

        self.partnershipForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.localAuthorityLabel)

        self.localAuthorityEdit = QLineEdit(self.partnershipBox)
        self.localAuthorityEdit.setObjectName(u"localAuthorityEdit")

        self.partnershipForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.localAuthorityEdit)

        self.icbLabel = QLabel(self.partnershipBox)
        self.icbLabel.setObjectName(u"icbLabel")

        self.partnershipForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.icbLabel)

        self.icbEdit = QLineEdit(self.partnershipBox)
        self.icbEdit.setObjectName(u"icbEdit")

        self.partnershipForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.icbEdit)

        self.policeLabel = QLabel(self.partnershipBox)
        self.policeLabel.setObjectName(u"policeLabel")

        self.partnershipForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.policeLabel)

        self.policeEdit = QLineEdit(self.partnershipBox)
        self.policeEdit.setObjectName(u"policeEdit")

        self.partnershipForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.policeEdit)


        self.areaLayout.addWidget(self.partnershipBox)

        self.areaSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.areaLayout.addItem(self.areaSpacer)

        NewInspectionWizard.addPage(self.areaPage)
        self.calendarPage = QWizardPage()
        self.calendarPage.setObjectName(u"calendarPage")
        self.calendarLayout = QVBoxLayout(self.calendarPage)
        self.calendarLayout.setObjectName(u"calendarLayout")
        self.calendarForm = QFormLayout()
        self.calendarForm.setObjectName(u"calendarForm")
        self.calendarForm.setFieldGrowthPolicy(QFormLayout.FieldsStayAtSizeHint)
        self.notificationLabel = QLabel(self.calendarPage)
        self.notificationLabel.setObjectName(u"notificationLabel")

        self.calendarForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.notificationLabel)

        self.notificationRow = QHBoxLayout()
        self.notificationRow.setObjectName(u"notificationRow")
        self.notificationEdit = QDateEdit(self.calendarPage)
        self.notificationEdit.setObjectName(u"notificationEdit")
        self.notificationEdit.setCalendarPopup(True)

        self.notificationRow.addWidget(self.notificationEdit)

        self.notificationReadout = QLabel(self.calendarPage)
        self.notificationReadout.setObjectName(u"notificationReadout")
        self.notificationReadout.setTextFormat(Qt.PlainText)

        self.notificationRow.addWidget(self.notificationReadout)

        self.notificationSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.notificationRow.addItem(self.notificationSpacer)


        self.calendarForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.notificationRow)

        self.noticeLabel = QLabel(self.calendarPage)
        self.noticeLabel.setObjectName(u"noticeLabel")

        self.calendarForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.noticeLabel)

        self.noticeSpin = QSpinBox(self.calendarPage)
        self.noticeSpin.setObjectName(u"noticeSpin")
        self.noticeSpin.setMinimum(1)
        self.noticeSpin.setMaximum(30)
        self.noticeSpin.setValue(10)

        self.calendarForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.noticeSpin)

        self.dayOneCheck = QCheckBox(self.calendarPage)
        self.dayOneCheck.setObjectName(u"dayOneCheck")

        self.calendarForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.dayOneCheck)

        self.lookbackLabel = QLabel(self.calendarPage)
        self.lookbackLabel.setObjectName(u"lookbackLabel")

        self.calendarForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.lookbackLabel)

        self.lookbackSpin = QSpinBox(self.calendarPage)
        self.lookbackSpin.setObjectName(u"lookbackSpin")
        self.lookbackSpin.setMinimum(1)
        self.lookbackSpin.setMaximum(36)
        self.lookbackSpin.setValue(6)

        self.calendarForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.lookbackSpin)


        self.calendarLayout.addLayout(self.calendarForm)

        self.calendarError = QLabel(self.calendarPage)
        self.calendarError.setObjectName(u"calendarError")
        self.calendarError.setTextFormat(Qt.PlainText)
        self.calendarError.setWordWrap(True)

        self.calendarLayout.addWidget(self.calendarError)

        self.previewLabel = QLabel(self.calendarPage)
        self.previewLabel.setObjectName(u"previewLabel")

        self.calendarLayout.addWidget(self.previewLabel)

        self.previewView = QTableView(self.calendarPage)
        self.previewView.setObjectName(u"previewView")
        self.previewView.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.previewView.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.previewView.setTabKeyNavigation(False)

        self.calendarLayout.addWidget(self.previewView)

        NewInspectionWizard.addPage(self.calendarPage)
        self.teamPage = QWizardPage()
        self.teamPage.setObjectName(u"teamPage")
        self.teamLayout = QVBoxLayout(self.teamPage)
        self.teamLayout.setObjectName(u"teamLayout")
        self.leadForm = QFormLayout()
        self.leadForm.setObjectName(u"leadForm")
        self.leadNameLabel = QLabel(self.teamPage)
        self.leadNameLabel.setObjectName(u"leadNameLabel")

        self.leadForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.leadNameLabel)

        self.leadNameEdit = QLineEdit(self.teamPage)
        self.leadNameEdit.setObjectName(u"leadNameEdit")

        self.leadForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.leadNameEdit)

        self.leadInspectorateLabel = QLabel(self.teamPage)
        self.leadInspectorateLabel.setObjectName(u"leadInspectorateLabel")

        self.leadForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.leadInspectorateLabel)

        self.leadInspectorateCombo = QComboBox(self.teamPage)
        self.leadInspectorateCombo.setObjectName(u"leadInspectorateCombo")

        self.leadForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.leadInspectorateCombo)


        self.teamLayout.addLayout(self.leadForm)

        self.membersLabel = QLabel(self.teamPage)
        self.membersLabel.setObjectName(u"membersLabel")

        self.teamLayout.addWidget(self.membersLabel)

        self.membersRow = QHBoxLayout()
        self.membersRow.setObjectName(u"membersRow")
        self.membersView = QTableView(self.teamPage)
        self.membersView.setObjectName(u"membersView")
        self.membersView.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.membersView.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.membersView.setSelectionMode(QAbstractItemView.SingleSelection)
        self.membersView.setTabKeyNavigation(False)

        self.membersRow.addWidget(self.membersView)

        self.memberButtons = QVBoxLayout()
        self.memberButtons.setObjectName(u"memberButtons")
        self.addMemberButton = QPushButton(self.teamPage)
        self.addMemberButton.setObjectName(u"addMemberButton")
        self.addMemberButton.setAutoDefault(False)

        self.memberButtons.addWidget(self.addMemberButton)

        self.removeMemberButton = QPushButton(self.teamPage)
        self.removeMemberButton.setObjectName(u"removeMemberButton")
        self.removeMemberButton.setAutoDefault(False)

        self.memberButtons.addWidget(self.removeMemberButton)

        self.memberButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.memberButtons.addItem(self.memberButtonsSpacer)


        self.membersRow.addLayout(self.memberButtons)


        self.teamLayout.addLayout(self.membersRow)

        self.teamHelp = QLabel(self.teamPage)
        self.teamHelp.setObjectName(u"teamHelp")
        self.teamHelp.setWordWrap(True)

        self.teamLayout.addWidget(self.teamHelp)

        NewInspectionWizard.addPage(self.teamPage)
#if QT_CONFIG(shortcut)
        self.themeLabel.setBuddy(self.themeList)
        self.areaLabel.setBuddy(self.areaEdit)
        self.localAuthorityLabel.setBuddy(self.localAuthorityEdit)
        self.icbLabel.setBuddy(self.icbEdit)
        self.policeLabel.setBuddy(self.policeEdit)
        self.notificationLabel.setBuddy(self.notificationEdit)
        self.noticeLabel.setBuddy(self.noticeSpin)
        self.lookbackLabel.setBuddy(self.lookbackSpin)
        self.previewLabel.setBuddy(self.previewView)
        self.leadNameLabel.setBuddy(self.leadNameEdit)
        self.leadInspectorateLabel.setBuddy(self.leadInspectorateCombo)
        self.membersLabel.setBuddy(self.membersView)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.frontDoorRadio, self.thematicRadio)
        QWidget.setTabOrder(self.thematicRadio, self.themeList)
        QWidget.setTabOrder(self.themeList, self.areaEdit)
        QWidget.setTabOrder(self.areaEdit, self.localAuthorityEdit)
        QWidget.setTabOrder(self.localAuthorityEdit, self.icbEdit)
        QWidget.setTabOrder(self.icbEdit, self.policeEdit)
        QWidget.setTabOrder(self.policeEdit, self.notificationEdit)
        QWidget.setTabOrder(self.notificationEdit, self.noticeSpin)
        QWidget.setTabOrder(self.noticeSpin, self.dayOneCheck)
        QWidget.setTabOrder(self.dayOneCheck, self.lookbackSpin)
        QWidget.setTabOrder(self.lookbackSpin, self.previewView)
        QWidget.setTabOrder(self.previewView, self.leadNameEdit)
        QWidget.setTabOrder(self.leadNameEdit, self.leadInspectorateCombo)
        QWidget.setTabOrder(self.leadInspectorateCombo, self.membersView)
        QWidget.setTabOrder(self.membersView, self.addMemberButton)
        QWidget.setTabOrder(self.addMemberButton, self.removeMemberButton)

        self.retranslateUi(NewInspectionWizard)

        QMetaObject.connectSlotsByName(NewInspectionWizard)
    # setupUi

    def retranslateUi(self, NewInspectionWizard):
        NewInspectionWizard.setWindowTitle(QCoreApplication.translate("NewInspectionWizard", u"New inspection", None))
        self.kindPage.setTitle(QCoreApplication.translate("NewInspectionWizard", u"Kind of inspection", None))
        self.kindPage.setSubTitle(QCoreApplication.translate("NewInspectionWizard", u"Which kind of joint targeted area inspection is this?", None))
        self.frontDoorRadio.setText(QCoreApplication.translate("NewInspectionWizard", u"F&ront door", None))
        self.frontDoorHelp.setText(QCoreApplication.translate("NewInspectionWizard", u"How the area identifies and responds to children's initial need and risk, including the multi-agency safeguarding hub (MASH).", None))
        self.thematicRadio.setText(QCoreApplication.translate("NewInspectionWizard", u"&Thematic (a deep dive into one theme)", None))
        self.thematicHelp.setText(QCoreApplication.translate("NewInspectionWizard", u"A deep dive into one theme, such as neglect, children who are victims of domestic abuse or serious youth violence. Inspections of 2016 to 2020 looked at the front door and a deep dive together: their frameworks are listed here too.", None))
        self.themePage.setTitle(QCoreApplication.translate("NewInspectionWizard", u"Theme", None))
        self.themePage.setSubTitle(QCoreApplication.translate("NewInspectionWizard", u"The framework decides the evaluation criteria, how each is judged and the agencies in scope.", None))
        self.themeLabel.setText(QCoreApplication.translate("NewInspectionWizard", u"&Theme:", None))
#if QT_CONFIG(accessibility)
        self.themeList.setAccessibleName(QCoreApplication.translate("NewInspectionWizard", u"Themes", None))
#endif // QT_CONFIG(accessibility)
        self.areaPage.setTitle(QCoreApplication.translate("NewInspectionWizard", u"Area and partnership", None))
        self.areaPage.setSubTitle(QCoreApplication.translate("NewInspectionWizard", u"The local authority area inspected and its three statutory safeguarding partners.", None))
        self.areaLabel.setText(QCoreApplication.translate("NewInspectionWizard", u"&Area:", None))
        self.areaEdit.setPlaceholderText(QCoreApplication.translate("NewInspectionWizard", u"The local authority's name, e.g. Northbridge", None))
        self.partnershipBox.setTitle(QCoreApplication.translate("NewInspectionWizard", u"Statutory safeguarding partners", None))
        self.partnershipHelp.setText(QCoreApplication.translate("NewInspectionWizard", u"Filled in from the area's name; change them if the partners are known by other names.", None))
        self.localAuthorityLabel.setText(QCoreApplication.translate("NewInspectionWizard", u"&Local authority:", None))
        self.icbLabel.setText(QCoreApplication.translate("NewInspectionWizard", u"&Integrated care board:", None))
        self.policeLabel.setText(QCoreApplication.translate("NewInspectionWizard", u"&Police:", None))
        self.calendarPage.setTitle(QCoreApplication.translate("NewInspectionWizard", u"Calendar", None))
        self.calendarPage.setSubTitle(QCoreApplication.translate("NewInspectionWizard", u"Key dates are worked out in working days, skipping weekends and bank holidays.", None))
        self.notificationLabel.setText(QCoreApplication.translate("NewInspectionWizard", u"Notification &date:", None))
        self.notificationEdit.setDisplayFormat(QCoreApplication.translate("NewInspectionWizard", u"dd/MM/yyyy", None))
        self.noticeLabel.setText(QCoreApplication.translate("NewInspectionWizard", u"No&tice period (working days):", None))
        self.dayOneCheck.setText(QCoreApplication.translate("NewInspectionWizard", u"Notification day c&ounts as day 1 of the notice period", None))
        self.lookbackLabel.setText(QCoreApplication.translate("NewInspectionWizard", u"&Look-back (months):", None))
        self.previewLabel.setText(QCoreApplication.translate("NewInspectionWizard", u"&Key dates:", None))
#if QT_CONFIG(accessibility)
        self.previewView.setAccessibleName(QCoreApplication.translate("NewInspectionWizard", u"Key dates", None))
#endif // QT_CONFIG(accessibility)
        self.teamPage.setTitle(QCoreApplication.translate("NewInspectionWizard", u"Team", None))
        self.teamPage.setSubTitle(QCoreApplication.translate("NewInspectionWizard", u"You lead the inspection on this computer. Add the rest of the team now or later.", None))
        self.leadNameLabel.setText(QCoreApplication.translate("NewInspectionWizard", u"Your na&me:", None))
        self.leadNameEdit.setPlaceholderText(QCoreApplication.translate("NewInspectionWizard", u"Needed: your name as the team will see it", None))
        self.leadInspectorateLabel.setText(QCoreApplication.translate("NewInspectionWizard", u"Your &inspectorate:", None))
        self.membersLabel.setText(QCoreApplication.translate("NewInspectionWizard", u"Oth&er team members:", None))
#if QT_CONFIG(accessibility)
        self.membersView.setAccessibleName(QCoreApplication.translate("NewInspectionWizard", u"Other team members", None))
#endif // QT_CONFIG(accessibility)
        self.addMemberButton.setText(QCoreApplication.translate("NewInspectionWizard", u"&Add member\u2026", None))
        self.removeMemberButton.setText(QCoreApplication.translate("NewInspectionWizard", u"&Remove member", None))
        self.teamHelp.setText(QCoreApplication.translate("NewInspectionWizard", u"You can add members later on the Overview page. Each member gets their own block of evidence references.", None))
    # retranslateUi

