# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'front_door_sample.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QGridLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QListView, QPlainTextEdit, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_FrontDoorSampleDialog(object):
    def setupUi(self, FrontDoorSampleDialog):
        if not FrontDoorSampleDialog.objectName():
            FrontDoorSampleDialog.setObjectName(u"FrontDoorSampleDialog")
        FrontDoorSampleDialog.resize(900, 640)
        self.dialogLayout = QVBoxLayout(FrontDoorSampleDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.episodeForm = QFormLayout()
        self.episodeForm.setObjectName(u"episodeForm")
        self.episodeForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.labelLabel = QLabel(FrontDoorSampleDialog)
        self.labelLabel.setObjectName(u"labelLabel")

        self.episodeForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.labelLabel)

        self.labelEdit = QLineEdit(FrontDoorSampleDialog)
        self.labelEdit.setObjectName(u"labelEdit")

        self.episodeForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.labelEdit)

        self.childLabel = QLabel(FrontDoorSampleDialog)
        self.childLabel.setObjectName(u"childLabel")

        self.episodeForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.childLabel)

        self.childCombo = QComboBox(FrontDoorSampleDialog)
        self.childCombo.setObjectName(u"childCombo")

        self.episodeForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.childCombo)


        self.dialogLayout.addLayout(self.episodeForm)

        self.columns = QGridLayout()
        self.columns.setObjectName(u"columns")
        self.contactGroup = QGroupBox(FrontDoorSampleDialog)
        self.contactGroup.setObjectName(u"contactGroup")
        self.contactForm = QFormLayout(self.contactGroup)
        self.contactForm.setObjectName(u"contactForm")
        self.contactForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.receivedLabel = QLabel(self.contactGroup)
        self.receivedLabel.setObjectName(u"receivedLabel")

        self.contactForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.receivedLabel)

        self.contactMoment = QHBoxLayout()
        self.contactMoment.setObjectName(u"contactMoment")
        self.contactDateEdit = QDateEdit(self.contactGroup)
        self.contactDateEdit.setObjectName(u"contactDateEdit")
        self.contactDateEdit.setDisplayFormat(u"d MMM yyyy")
        self.contactDateEdit.setCalendarPopup(True)

        self.contactMoment.addWidget(self.contactDateEdit)

        self.contactTimeEdit = QLineEdit(self.contactGroup)
        self.contactTimeEdit.setObjectName(u"contactTimeEdit")
        self.contactTimeEdit.setMaximumWidth(70)
        self.contactTimeEdit.setMaxLength(5)

        self.contactMoment.addWidget(self.contactTimeEdit)

        self.hspacer140690863719664 = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.contactMoment.addItem(self.hspacer140690863719664)


        self.contactForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.contactMoment)

        self.sourceKindLabel = QLabel(self.contactGroup)
        self.sourceKindLabel.setObjectName(u"sourceKindLabel")

        self.contactForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.sourceKindLabel)

        self.sourceKindCombo = QComboBox(self.contactGroup)
        self.sourceKindCombo.setObjectName(u"sourceKindCombo")

        self.contactForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.sourceKindCombo)

        self.sourceAgencyLabel = QLabel(self.contactGroup)
        self.sourceAgencyLabel.setObjectName(u"sourceAgencyLabel")

        self.contactForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.sourceAgencyLabel)

        self.sourceAgencyCombo = QComboBox(self.contactGroup)
        self.sourceAgencyCombo.setObjectName(u"sourceAgencyCombo")

        self.contactForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.sourceAgencyCombo)

        self.sourceRoleLabel = QLabel(self.contactGroup)
        self.sourceRoleLabel.setObjectName(u"sourceRoleLabel")

        self.contactForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.sourceRoleLabel)

        self.sourceRoleEdit = QLineEdit(self.contactGroup)
        self.sourceRoleEdit.setObjectName(u"sourceRoleEdit")

        self.contactForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.sourceRoleEdit)


        self.columns.addWidget(self.contactGroup, 0, 0, 1, 1)

        self.section47Group = QGroupBox(FrontDoorSampleDialog)
        self.section47Group.setObjectName(u"section47Group")
        self.section47Form = QFormLayout(self.section47Group)
        self.section47Form.setObjectName(u"section47Form")
        self.section47Form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.section47Check = QCheckBox(self.section47Group)
        self.section47Check.setObjectName(u"section47Check")

        self.section47Form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.section47Check)

        self.section47Moment = QHBoxLayout()
        self.section47Moment.setObjectName(u"section47Moment")
        self.section47DateEdit = QDateEdit(self.section47Group)
        self.section47DateEdit.setObjectName(u"section47DateEdit")
        self.section47DateEdit.setDisplayFormat(u"d MMM yyyy")
        self.section47DateEdit.setCalendarPopup(True)

        self.section47Moment.addWidget(self.section47DateEdit)

        self.section47TimeEdit = QLineEdit(self.section47Group)
        self.section47TimeEdit.setObjectName(u"section47TimeEdit")
        self.section47TimeEdit.setMaximumWidth(70)
        self.section47TimeEdit.setMaxLength(5)

        self.section47Moment.addWidget(self.section47TimeEdit)

        self.hspacer1406908637196641 = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.section47Moment.addItem(self.hspacer1406908637196641)


        self.section47Form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.section47Moment)

        self.section47AgreementLabel = QLabel(self.section47Group)
        self.section47AgreementLabel.setObjectName(u"section47AgreementLabel")

        self.section47Form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.section47AgreementLabel)

        self.section47AgreementCombo = QComboBox(self.section47Group)
        self.section47AgreementCombo.setObjectName(u"section47AgreementCombo")

        self.section47Form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.section47AgreementCombo)


        self.columns.addWidget(self.section47Group, 0, 1, 1, 1)

        self.decisionGroup = QGroupBox(FrontDoorSampleDialog)
        self.decisionGroup.setObjectName(u"decisionGroup")
        self.decisionForm = QFormLayout(self.decisionGroup)
        self.decisionForm.setObjectName(u"decisionForm")
        self.decisionForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.decisionCheck = QCheckBox(self.decisionGroup)
        self.decisionCheck.setObjectName(u"decisionCheck")

        self.decisionForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.decisionCheck)

        self.decisionMoment = QHBoxLayout()
        self.decisionMoment.setObjectName(u"decisionMoment")
        self.decisionDateEdit = QDateEdit(self.decisionGroup)
        self.decisionDateEdit.setObjectName(u"decisionDateEdit")
        self.decisionDateEdit.setDisplayFormat(u"d MMM yyyy")
        self.decisionDateEdit.setCalendarPopup(True)

        self.decisionMoment.addWidget(self.decisionDateEdit)

        self.decisionTimeEdit = QLineEdit(self.decisionGroup)
        self.decisionTimeEdit.setObjectName(u"decisionTimeEdit")
        self.decisionTimeEdit.setMaximumWidth(70)
        self.decisionTimeEdit.setMaxLength(5)

        self.decisionMoment.addWidget(self.decisionTimeEdit)

        self.hspacer1406908637196642 = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.decisionMoment.addItem(self.hspacer1406908637196642)


        self.decisionForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.decisionMoment)

        self.thresholdLabel = QLabel(self.decisionGroup)
        self.thresholdLabel.setObjectName(u"thresholdLabel")

        self.decisionForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.thresholdLabel)

        self.thresholdCombo = QComboBox(self.decisionGroup)
        self.thresholdCombo.setObjectName(u"thresholdCombo")

        self.decisionForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.thresholdCombo)

        self.decisionByLabel = QLabel(self.decisionGroup)
        self.decisionByLabel.setObjectName(u"decisionByLabel")

        self.decisionForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.decisionByLabel)

        self.decisionByEdit = QLineEdit(self.decisionGroup)
        self.decisionByEdit.setObjectName(u"decisionByEdit")

        self.decisionForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.decisionByEdit)

        self.decisionAgreementLabel = QLabel(self.decisionGroup)
        self.decisionAgreementLabel.setObjectName(u"decisionAgreementLabel")

        self.decisionForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.decisionAgreementLabel)

        self.decisionAgreementCombo = QComboBox(self.decisionGroup)
        self.decisionAgreementCombo.setObjectName(u"decisionAgreementCombo")

        self.decisionForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.decisionAgreementCombo)


        self.columns.addWidget(self.decisionGroup, 1, 0, 1, 1)

        self.seenGroup = QGroupBox(FrontDoorSampleDialog)
        self.seenGroup.setObjectName(u"seenGroup")
        self.seenForm = QFormLayout(self.seenGroup)
        self.seenForm.setObjectName(u"seenForm")
        self.seenForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.seenLabel = QLabel(self.seenGroup)
        self.seenLabel.setObjectName(u"seenLabel")

        self.seenForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.seenLabel)

        self.seenCombo = QComboBox(self.seenGroup)
        self.seenCombo.setObjectName(u"seenCombo")

        self.seenForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.seenCombo)

        self.seenWhenLabel = QLabel(self.seenGroup)
        self.seenWhenLabel.setObjectName(u"seenWhenLabel")

        self.seenForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.seenWhenLabel)

        self.seenMoment = QHBoxLayout()
        self.seenMoment.setObjectName(u"seenMoment")
        self.seenDateEdit = QDateEdit(self.seenGroup)
        self.seenDateEdit.setObjectName(u"seenDateEdit")
        self.seenDateEdit.setDisplayFormat(u"d MMM yyyy")
        self.seenDateEdit.setCalendarPopup(True)

        self.seenMoment.addWidget(self.seenDateEdit)

        self.seenTimeEdit = QLineEdit(self.seenGroup)
        self.seenTimeEdit.setObjectName(u"seenTimeEdit")
        self.seenTimeEdit.setMaximumWidth(70)
        self.seenTimeEdit.setMaxLength(5)

        self.seenMoment.addWidget(self.seenTimeEdit)

        self.hspacer1406908637196643 = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.seenMoment.addItem(self.hspacer1406908637196643)


        self.seenForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.seenMoment)


        self.columns.addWidget(self.seenGroup, 1, 1, 1, 1)

        self.strategyGroup = QGroupBox(FrontDoorSampleDialog)
        self.strategyGroup.setObjectName(u"strategyGroup")
        self.strategyForm = QFormLayout(self.strategyGroup)
        self.strategyForm.setObjectName(u"strategyForm")
        self.strategyForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.strategyCheck = QCheckBox(self.strategyGroup)
        self.strategyCheck.setObjectName(u"strategyCheck")

        self.strategyForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.strategyCheck)

        self.strategyMoment = QHBoxLayout()
        self.strategyMoment.setObjectName(u"strategyMoment")
        self.strategyDateEdit = QDateEdit(self.strategyGroup)
        self.strategyDateEdit.setObjectName(u"strategyDateEdit")
        self.strategyDateEdit.setDisplayFormat(u"d MMM yyyy")
        self.strategyDateEdit.setCalendarPopup(True)

        self.strategyMoment.addWidget(self.strategyDateEdit)

        self.strategyTimeEdit = QLineEdit(self.strategyGroup)
        self.strategyTimeEdit.setObjectName(u"strategyTimeEdit")
        self.strategyTimeEdit.setMaximumWidth(70)
        self.strategyTimeEdit.setMaxLength(5)

        self.strategyMoment.addWidget(self.strategyTimeEdit)

        self.hspacer1406908637196644 = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.strategyMoment.addItem(self.hspacer1406908637196644)


        self.strategyForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.strategyMoment)

        self.strategyAgenciesLabel = QLabel(self.strategyGroup)
        self.strategyAgenciesLabel.setObjectName(u"strategyAgenciesLabel")

        self.strategyForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.strategyAgenciesLabel)

        self.strategyAgenciesView = QListView(self.strategyGroup)
        self.strategyAgenciesView.setObjectName(u"strategyAgenciesView")
        self.strategyAgenciesView.setMaximumHeight(150)

        self.strategyForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.strategyAgenciesView)

        self.strategyAgreementLabel = QLabel(self.strategyGroup)
        self.strategyAgreementLabel.setObjectName(u"strategyAgreementLabel")

        self.strategyForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.strategyAgreementLabel)

        self.strategyAgreementCombo = QComboBox(self.strategyGroup)
        self.strategyAgreementCombo.setObjectName(u"strategyAgreementCombo")

        self.strategyForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.strategyAgreementCombo)


        self.columns.addWidget(self.strategyGroup, 2, 0, 1, 1)

        self.judgementGroup = QGroupBox(FrontDoorSampleDialog)
        self.judgementGroup.setObjectName(u"judgementGroup")
        self.judgementForm = QFormLayout(self.judgementGroup)
        self.judgementForm.setObjectName(u"judgementForm")
        self.judgementForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.qualityLabel = QLabel(self.judgementGroup)
        self.qualityLabel.setObjectName(u"qualityLabel")

        self.judgementForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.qualityLabel)

        self.qualityCombo = QComboBox(self.judgementGroup)
        self.qualityCombo.setObjectName(u"qualityCombo")

        self.judgementForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.qualityCombo)

        self.notesLabel = QLabel(self.judgementGroup)
        self.notesLabel.setObjectName(u"notesLabel")

        self.judgementForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.notesLabel)

        self.notesEdit = QPlainTextEdit(self.judgementGroup)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)

        self.judgementForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.columns.addWidget(self.judgementGroup, 2, 1, 1, 1)


        self.dialogLayout.addLayout(self.columns)

        self.lookbackForm = QFormLayout()
        self.lookbackForm.setObjectName(u"lookbackForm")
        self.lookbackForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.lookbackLabel = QLabel(FrontDoorSampleDialog)
        self.lookbackLabel.setObjectName(u"lookbackLabel")

        self.lookbackForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.lookbackLabel)

        self.lookbackReasonEdit = QLineEdit(FrontDoorSampleDialog)
        self.lookbackReasonEdit.setObjectName(u"lookbackReasonEdit")

        self.lookbackForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.lookbackReasonEdit)

        self.datesHint = QLabel(FrontDoorSampleDialog)
        self.datesHint.setObjectName(u"datesHint")
        self.datesHint.setWordWrap(True)

        self.lookbackForm.setWidget(1, QFormLayout.ItemRole.SpanningRole, self.datesHint)


        self.dialogLayout.addLayout(self.lookbackForm)

        self.buttonBox = QDialogButtonBox(FrontDoorSampleDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.labelLabel.setBuddy(self.labelEdit)
        self.childLabel.setBuddy(self.childCombo)
        self.receivedLabel.setBuddy(self.contactDateEdit)
        self.sourceKindLabel.setBuddy(self.sourceKindCombo)
        self.sourceAgencyLabel.setBuddy(self.sourceAgencyCombo)
        self.sourceRoleLabel.setBuddy(self.sourceRoleEdit)
        self.section47AgreementLabel.setBuddy(self.section47AgreementCombo)
        self.thresholdLabel.setBuddy(self.thresholdCombo)
        self.decisionByLabel.setBuddy(self.decisionByEdit)
        self.decisionAgreementLabel.setBuddy(self.decisionAgreementCombo)
        self.seenLabel.setBuddy(self.seenCombo)
        self.seenWhenLabel.setBuddy(self.seenDateEdit)
        self.strategyAgenciesLabel.setBuddy(self.strategyAgenciesView)
        self.strategyAgreementLabel.setBuddy(self.strategyAgreementCombo)
        self.qualityLabel.setBuddy(self.qualityCombo)
        self.notesLabel.setBuddy(self.notesEdit)
        self.lookbackLabel.setBuddy(self.lookbackReasonEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.labelEdit, self.childCombo)
        QWidget.setTabOrder(self.childCombo, self.contactDateEdit)
        QWidget.setTabOrder(self.contactDateEdit, self.contactTimeEdit)
        QWidget.setTabOrder(self.contactTimeEdit, self.sourceKindCombo)
        QWidget.setTabOrder(self.sourceKindCombo, self.sourceAgencyCombo)
        QWidget.setTabOrder(self.sourceAgencyCombo, self.sourceRoleEdit)
        QWidget.setTabOrder(self.sourceRoleEdit, self.decisionCheck)
        QWidget.setTabOrder(self.decisionCheck, self.decisionDateEdit)
        QWidget.setTabOrder(self.decisionDateEdit, self.decisionTimeEdit)
        QWidget.setTabOrder(self.decisionTimeEdit, self.thresholdCombo)
        QWidget.setTabOrder(self.thresholdCombo, self.decisionByEdit)
        QWidget.setTabOrder(self.decisionByEdit, self.decisionAgreementCombo)
        QWidget.setTabOrder(self.decisionAgreementCombo, self.strategyCheck)
        QWidget.setTabOrder(self.strategyCheck, self.strategyDateEdit)
        QWidget.setTabOrder(self.strategyDateEdit, self.strategyTimeEdit)
        QWidget.setTabOrder(self.strategyTimeEdit, self.strategyAgenciesView)
        QWidget.setTabOrder(self.strategyAgenciesView, self.strategyAgreementCombo)
        QWidget.setTabOrder(self.strategyAgreementCombo, self.section47Check)
        QWidget.setTabOrder(self.section47Check, self.section47DateEdit)
        QWidget.setTabOrder(self.section47DateEdit, self.section47TimeEdit)
        QWidget.setTabOrder(self.section47TimeEdit, self.section47AgreementCombo)
        QWidget.setTabOrder(self.section47AgreementCombo, self.seenCombo)
        QWidget.setTabOrder(self.seenCombo, self.seenDateEdit)
        QWidget.setTabOrder(self.seenDateEdit, self.seenTimeEdit)
        QWidget.setTabOrder(self.seenTimeEdit, self.qualityCombo)
        QWidget.setTabOrder(self.qualityCombo, self.notesEdit)
        QWidget.setTabOrder(self.notesEdit, self.lookbackReasonEdit)

        self.retranslateUi(FrontDoorSampleDialog)
        self.buttonBox.accepted.connect(FrontDoorSampleDialog.accept)
        self.buttonBox.rejected.connect(FrontDoorSampleDialog.reject)

        QMetaObject.connectSlotsByName(FrontDoorSampleDialog)
    # setupUi

    def retranslateUi(self, FrontDoorSampleDialog):
        FrontDoorSampleDialog.setWindowTitle(QCoreApplication.translate("FrontDoorSampleDialog", u"Front door sample", None))
        self.labelLabel.setText(QCoreApplication.translate("FrontDoorSampleDialog", u"&Label:", None))
        self.labelEdit.setPlaceholderText(QCoreApplication.translate("FrontDoorSampleDialog", u"e.g. FD-07: no names", None))
        self.childLabel.setText(QCoreApplication.translate("FrontDoorSampleDialog", u"C&hild:", None))
        self.contactGroup.setTitle(QCoreApplication.translate("FrontDoorSampleDialog", u"Contact or referral", None))
        self.receivedLabel.setText(QCoreApplication.translate("FrontDoorSampleDialog", u"&Received:", None))
#if QT_CONFIG(accessibility)
        self.contactDateEdit.setAccessibleName(QCoreApplication.translate("FrontDoorSampleDialog", u"Date received", None))
#endif // QT_CONFIG(accessibility)
        self.contactTimeEdit.setPlaceholderText(QCoreApplication.translate("FrontDoorSampleDialog", u"HH:MM", None))
#if QT_CONFIG(accessibility)
        self.contactTimeEdit.setAccessibleName(QCoreApplication.translate("FrontDoorSampleDialog", u"Time received", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.contactTimeEdit.setToolTip(QCoreApplication.translate("FrontDoorSampleDialog", u"Time of day, 24-hour clock (leave empty when not known)", None))
#endif // QT_CONFIG(tooltip)
        self.sourceKindLabel.setText(QCoreApplication.translate("FrontDoorSampleDialog", u"&From:", None))
        self.sourceAgencyLabel.setText(QCoreApplication.translate("FrontDoorSampleDialog", u"Or&ganisation:", None))
        self.sourceRoleLabel.setText(QCoreApplication.translate("FrontDoorSampleDialog", u"R&ole:", None))
        self.sourceRoleEdit.setPlaceholderText(QCoreApplication.translate("FrontDoorSampleDialog", u"job title, e.g. class teacher; never a name", None))
        self.section47Group.setTitle(QCoreApplication.translate("FrontDoorSampleDialog", u"Section 47 enquiry", None))
        self.section47Check.setText(QCoreApplication.translate("FrontDoorSampleDialog", u"Started (s&47):", None))
#if QT_CONFIG(accessibility)
        self.section47DateEdit.setAccessibleName(QCoreApplication.translate("FrontDoorSampleDialog", u"Date the section 47 enquiry started", None))
#endif // QT_CONFIG(accessibility)
        self.section47TimeEdit.setPlaceholderText(QCoreApplication.translate("FrontDoorSampleDialog", u"HH:MM", None))
#if QT_CONFIG(accessibility)
        self.section47TimeEdit.setAccessibleName(QCoreApplication.translate("FrontDoorSampleDialog", u"Time the section 47 enquiry started", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.section47TimeEdit.setToolTip(QCoreApplication.translate("FrontDoorSampleDialog", u"Time of day, 24-hour clock (leave empty when not known)", None))
#endif // QT_CONFIG(tooltip)
        self.section47AgreementLabel.setText(QCoreApplication.translate("FrontDoorSampleDialog", u"Inspe&ctor agrees:", None))
        self.decisionGroup.setTitle(QCoreApplication.translate("FrontDoorSampleDialog", u"MASH decision", None))
        self.decisionCheck.setText(QCoreApplication.translate("FrontDoorSampleDialog", u"&Decided:", None))
#if QT_CONFIG(accessibility)
        self.decisionDateEdit.setAccessibleName(QCoreApplication.translate("FrontDoorSampleDialog", u"Date of the decision", None))
#endif // QT_CONFIG(accessibility)
        self.decisionTimeEdit.setPlaceholderText(QCoreApplication.translate("FrontDoorSampleDialog", u"HH:MM", None))
#if QT_CONFIG(accessibility)
        self.decisionTimeEdit.setAccessibleName(QCoreApplication.translate("FrontDoorSampleDialog", u"Time of the decision", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.decisionTimeEdit.setToolTip(QCoreApplication.translate("FrontDoorSampleDialog", u"Time of day, 24-hour clock (leave empty when not known)", None))
#endif // QT_CONFIG(tooltip)
        self.thresholdLabel.setText(QCoreApplication.translate("FrontDoorSampleDialog", u"Thr&eshold:", None))
        self.decisionByLabel.setText(QCoreApplication.translate("FrontDoorSampleDialog", u"&By (role):", None))
        self.decisionByEdit.setPlaceholderText(QCoreApplication.translate("FrontDoorSampleDialog", u"e.g. MASH team manager", None))
        self.decisionAgreementLabel.setText(QCoreApplication.translate("FrontDoorSampleDialog", u"Inspector &agrees:", None))
        self.seenGroup.setTitle(QCoreApplication.translate("FrontDoorSampleDialog", u"Child seen", None))
        self.seenLabel.setText(QCoreApplication.translate("FrontDoorSampleDialog", u"Child see&n:", None))
        self.seenWhenLabel.setText(QCoreApplication.translate("FrontDoorSampleDialog", u"On:", None))
#if QT_CONFIG(accessibility)
        self.seenDateEdit.setAccessibleName(QCoreApplication.translate("FrontDoorSampleDialog", u"Date the child was seen", None))
#endif // QT_CONFIG(accessibility)
        self.seenTimeEdit.setPlaceholderText(QCoreApplication.translate("FrontDoorSampleDialog", u"HH:MM", None))
#if QT_CONFIG(accessibility)
        self.seenTimeEdit.setAccessibleName(QCoreApplication.translate("FrontDoorSampleDialog", u"Time the child was seen", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.seenTimeEdit.setToolTip(QCoreApplication.translate("FrontDoorSampleDialog", u"Time of day, 24-hour clock (leave empty when not known)", None))
#endif // QT_CONFIG(tooltip)
        self.strategyGroup.setTitle(QCoreApplication.translate("FrontDoorSampleDialog", u"Strategy discussion", None))
        self.strategyCheck.setText(QCoreApplication.translate("FrontDoorSampleDialog", u"&Strategy held:", None))
#if QT_CONFIG(accessibility)
        self.strategyDateEdit.setAccessibleName(QCoreApplication.translate("FrontDoorSampleDialog", u"Date of the strategy discussion", None))
#endif // QT_CONFIG(accessibility)
        self.strategyTimeEdit.setPlaceholderText(QCoreApplication.translate("FrontDoorSampleDialog", u"HH:MM", None))
#if QT_CONFIG(accessibility)
        self.strategyTimeEdit.setAccessibleName(QCoreApplication.translate("FrontDoorSampleDialog", u"Time of the strategy discussion", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.strategyTimeEdit.setToolTip(QCoreApplication.translate("FrontDoorSampleDialog", u"Time of day, 24-hour clock (leave empty when not known)", None))
#endif // QT_CONFIG(tooltip)
        self.strategyAgenciesLabel.setText(QCoreApplication.translate("FrontDoorSampleDialog", u"&Who took part:", None))
#if QT_CONFIG(accessibility)
        self.strategyAgenciesView.setAccessibleName(QCoreApplication.translate("FrontDoorSampleDialog", u"Organisations that took part in the strategy discussion", None))
#endif // QT_CONFIG(accessibility)
        self.strategyAgreementLabel.setText(QCoreApplication.translate("FrontDoorSampleDialog", u"Ins&pector agrees:", None))
        self.judgementGroup.setTitle(QCoreApplication.translate("FrontDoorSampleDialog", u"Inspector's view", None))
        self.qualityLabel.setText(QCoreApplication.translate("FrontDoorSampleDialog", u"&Quality:", None))
        self.notesLabel.setText(QCoreApplication.translate("FrontDoorSampleDialog", u"What the &inspector saw:", None))
        self.lookbackLabel.setText(QCoreApplication.translate("FrontDoorSampleDialog", u"Loo&k-back reason:", None))
        self.lookbackReasonEdit.setPlaceholderText(QCoreApplication.translate("FrontDoorSampleDialog", u"only for steps before the look-back: why this older history matters", None))
        self.datesHint.setText("")
    # retranslateUi

