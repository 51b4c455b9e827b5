# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'child_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
    QLabel, QLineEdit, QListView, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_ChildDialog(object):
    def setupUi(self, ChildDialog):
        if not ChildDialog.objectName():
            ChildDialog.setObjectName(u"ChildDialog")
        ChildDialog.resize(560, 460)
        self.dialogLayout = QVBoxLayout(ChildDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.detailsForm = QFormLayout()
        self.detailsForm.setObjectName(u"detailsForm")
        self.detailsForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.pseudonymLabel = QLabel(ChildDialog)
        self.pseudonymLabel.setObjectName(u"pseudonymLabel")

        self.detailsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.pseudonymLabel)

        self.pseudonymEdit = QLineEdit(ChildDialog)
        self.pseudonymEdit.setObjectName(u"pseudonymEdit")

        self.detailsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.pseudonymEdit)

        self.selectionLabel = QLabel(ChildDialog)
        self.selectionLabel.setObjectName(u"selectionLabel")

        self.detailsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.selectionLabel)

        self.selectionCombo = QComboBox(ChildDialog)
        self.selectionCombo.setObjectName(u"selectionCombo")

        self.detailsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.selectionCombo)

        self.ageBandLabel = QLabel(ChildDialog)
        self.ageBandLabel.setObjectName(u"ageBandLabel")

        self.detailsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.ageBandLabel)

        self.ageBandCombo = QComboBox(ChildDialog)
        self.ageBandCombo.setObjectName(u"ageBandCombo")

        self.detailsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.ageBandCombo)

        self.caseRefLabel = QLabel(ChildDialog)
        self.caseRefLabel.setObjectName(u"caseRefLabel")

        self.detailsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.caseRefLabel)

        self.caseRefEdit = QLineEdit(ChildDialog)
        self.caseRefEdit.setObjectName(u"caseRefEdit")

        self.detailsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.caseRefEdit)

        self.agenciesLabel = QLabel(ChildDialog)
        self.agenciesLabel.setObjectName(u"agenciesLabel")

        self.detailsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.agenciesLabel)

        self.agenciesList = QListView(ChildDialog)
        self.agenciesList.setObjectName(u"agenciesList")
        self.agenciesList.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.detailsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.agenciesList)


        self.dialogLayout.addLayout(self.detailsForm)

        self.identifyingGroup = QGroupBox(ChildDialog)
        self.identifyingGroup.setObjectName(u"identifyingGroup")
        self.identifyingForm = QFormLayout(self.identifyingGroup)
        self.identifyingForm.setObjectName(u"identifyingForm")
        self.identifyingForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.nameLabel = QLabel(self.identifyingGroup)
        self.nameLabel.setObjectName(u"nameLabel")

        self.identifyingForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(self.identifyingGroup)
        self.nameEdit.setObjectName(u"nameEdit")

        self.identifyingForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.dobLabel = QLabel(self.identifyingGroup)
        self.dobLabel.setObjectName(u"dobLabel")

        self.identifyingForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dobLabel)

        self.dobEdit = QLineEdit(self.identifyingGroup)
        self.dobEdit.setObjectName(u"dobEdit")

        self.identifyingForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dobEdit)

        self.addressLabel = QLabel(self.identifyingGroup)
        self.addressLabel.setObjectName(u"addressLabel")

        self.identifyingForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressEdit = QLineEdit(self.identifyingGroup)
        self.addressEdit.setObjectName(u"addressEdit")

        self.identifyingForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.addressEdit)

        self.schoolLabel = QLabel(self.identifyingGroup)
        self.schoolLabel.setObjectName(u"schoolLabel")

        self.identifyingForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.schoolLabel)

        self.schoolEdit = QLineEdit(self.identifyingGroup)
        self.schoolEdit.setObjectName(u"schoolEdit")

        self.identifyingForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.schoolEdit)


        self.dialogLayout.addWidget(self.identifyingGroup)

        self.verticalSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.verticalSpacer)

        self.buttonBox = QDialogButtonBox(ChildDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.pseudonymLabel.setBuddy(self.pseudonymEdit)
        self.selectionLabel.setBuddy(self.selectionCombo)
        self.ageBandLabel.setBuddy(self.ageBandCombo)
        self.caseRefLabel.setBuddy(self.caseRefEdit)
        self.agenciesLabel.setBuddy(self.agenciesList)
        self.nameLabel.setBuddy(self.nameEdit)
        self.dobLabel.setBuddy(self.dobEdit)
        self.addressLabel.setBuddy(self.addressEdit)
        self.schoolLabel.setBuddy(self.schoolEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.pseudonymEdit, self.selectionCombo)
        QWidget.setTabOrder(self.selectionCombo, self.ageBandCombo)
        QWidget.setTabOrder(self.ageBandCombo, self.caseRefEdit)
        QWidget.setTabOrder(self.caseRefEdit, self.agenciesList)
        QWidget.setTabOrder(self.agenciesList, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.dobEdit)
        QWidget.setTabOrder(self.dobEdit, self.addressEdit)
        QWidget.setTabOrder(self.addressEdit, self.schoolEdit)

        self.retranslateUi(ChildDialog)
        self.buttonBox.accepted.connect(ChildDialog.accept)
        self.buttonBox.rejected.connect(ChildDialog.reject)

        QMetaObject.connectSlotsByName(ChildDialog)
    # setupUi

    def retranslateUi(self, ChildDialog):
        ChildDialog.setWindowTitle(QCoreApplication.translate("ChildDialog", u"Child", None))
        self.pseudonymLabel.setText(QCoreApplication.translate("ChildDialog", u"&Pseudonym:", None))
#if QT_CONFIG(tooltip)
        self.pseudonymEdit.setToolTip(QCoreApplication.translate("ChildDialog", u"The name used for this child in everything the team writes, e.g. Child A", None))
#endif // QT_CONFIG(tooltip)
        self.selectionLabel.setText(QCoreApplication.translate("ChildDialog", u"&Selection:", None))
#if QT_CONFIG(tooltip)
        self.selectionCombo.setToolTip(QCoreApplication.translate("ChildDialog", u"How the child was selected: tracked end to end, sampled, or one of the area's own audits", None))
#endif // QT_CONFIG(tooltip)
        self.ageBandLabel.setText(QCoreApplication.translate("ChildDialog", u"A&ge band:", None))
        self.caseRefLabel.setText(QCoreApplication.translate("ChildDialog", u"Area's case &reference:", None))
#if QT_CONFIG(tooltip)
        self.caseRefEdit.setToolTip(QCoreApplication.translate("ChildDialog", u"The area's own reference for the case; it stays inside the team", None))
#endif // QT_CONFIG(tooltip)
        self.agenciesLabel.setText(QCoreApplication.translate("ChildDialog", u"Agencies &involved:", None))
#if QT_CONFIG(tooltip)
        self.agenciesList.setToolTip(QCoreApplication.translate("ChildDialog", u"Tick each agency involved with the child (Space ticks the highlighted one)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.agenciesList.setAccessibleName(QCoreApplication.translate("ChildDialog", u"Agencies involved", None))
#endif // QT_CONFIG(accessibility)
        self.identifyingGroup.setTitle(QCoreApplication.translate("ChildDialog", u"Identifying details (team only \u2014 never exported; used to check the letter)", None))
        self.nameLabel.setText(QCoreApplication.translate("ChildDialog", u"&Name:", None))
        self.dobLabel.setText(QCoreApplication.translate("ChildDialog", u"&Date of birth:", None))
#if QT_CONFIG(tooltip)
        self.dobEdit.setToolTip(QCoreApplication.translate("ChildDialog", u"As 2016-08-02 or 02/08/2016; leave empty if not known", None))
#endif // QT_CONFIG(tooltip)
        self.dobEdit.setPlaceholderText(QCoreApplication.translate("ChildDialog", u"YYYY-MM-DD", None))
        self.addressLabel.setText(QCoreApplication.translate("ChildDialog", u"Addr&ess:", None))
        self.schoolLabel.setText(QCoreApplication.translate("ChildDialog", u"Sc&hool:", None))
    # retranslateUi

