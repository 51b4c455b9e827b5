# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'timetable_entry.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QListView, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

from jtai_desktop.ui.widgets.note_editor import AttendeesEditor

class Ui_TimetableEntryDialog(object):
    def setupUi(self, TimetableEntryDialog):
        if not TimetableEntryDialog.objectName():
            TimetableEntryDialog.setObjectName(u"TimetableEntryDialog")
        TimetableEntryDialog.resize(560, 620)
        self.dialogLayout = QVBoxLayout(TimetableEntryDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.sessionForm = QFormLayout()
        self.sessionForm.setObjectName(u"sessionForm")
        self.sessionForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.kindLabel = QLabel(TimetableEntryDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.sessionForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(TimetableEntryDialog)
        self.kindCombo.setObjectName(u"kindCombo")

        self.sessionForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.titleLabel = QLabel(TimetableEntryDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.sessionForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(TimetableEntryDialog)
        self.titleEdit.setObjectName(u"titleEdit")

        self.sessionForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.dayLabel = QLabel(TimetableEntryDialog)
        self.dayLabel.setObjectName(u"dayLabel")

        self.sessionForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.dayLabel)

        self.whenRow = QHBoxLayout()
        self.whenRow.setObjectName(u"whenRow")
        self.dateEdit = QDateEdit(TimetableEntryDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setDisplayFormat(u"d MMM yyyy")
        self.dateEdit.setCalendarPopup(True)

        self.whenRow.addWidget(self.dateEdit)

        self.startLabel = QLabel(TimetableEntryDialog)
        self.startLabel.setObjectName(u"startLabel")

        self.whenRow.addWidget(self.startLabel)

        self.startEdit = QLineEdit(TimetableEntryDialog)
        self.startEdit.setObjectName(u"startEdit")
        self.startEdit.setMaximumWidth(70)
        self.startEdit.setMaxLength(5)

        self.whenRow.addWidget(self.startEdit)

        self.endLabel = QLabel(TimetableEntryDialog)
        self.endLabel.setObjectName(u"endLabel")

        self.whenRow.addWidget(self.endLabel)

        self.endEdit = QLineEdit(TimetableEntryDialog)
        self.endEdit.setObjectName(u"endEdit")
        self.endEdit.setMaximumWidth(70)
        self.endEdit.setMaxLength(5)

        self.whenRow.addWidget(self.endEdit)

        self.hspacer140690863719664 = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.whenRow.addItem(self.hspacer140690863719664)


        self.sessionForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.whenRow)

        self.roomLabel = QLabel(TimetableEntryDialog)
        self.roomLabel.setObjectName(u"roomLabel")

        self.sessionForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.roomLabel)

        self.roomEdit = QLineEdit(TimetableEntryDialog)
        self.roomEdit.setObjectName(u"roomEdit")

        self.sessionForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.roomEdit)

        self.inspectorsLabel = QLabel(TimetableEntryDialog)
        self.inspectorsLabel.setObjectName(u"inspectorsLabel")

        self.sessionForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.inspectorsLabel)

        self.inspectorsView = QListView(TimetableEntryDialog)
        self.inspectorsView.setObjectName(u"inspectorsView")
        self.inspectorsView.setMaximumHeight(130)

        self.sessionForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.inspectorsView)

        self.othersLabel = QLabel(TimetableEntryDialog)
        self.othersLabel.setObjectName(u"othersLabel")

        self.sessionForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.othersLabel)

        self.attendees = AttendeesEditor(TimetableEntryDialog)
        self.attendees.setObjectName(u"attendees")

        self.sessionForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.attendees)

        self.childrenLabel = QLabel(TimetableEntryDialog)
        self.childrenLabel.setObjectName(u"childrenLabel")

        self.sessionForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.childrenLabel)

        self.childrenView = QListView(TimetableEntryDialog)
        self.childrenView.setObjectName(u"childrenView")
        self.childrenView.setMaximumHeight(110)

        self.sessionForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.childrenView)


        self.dialogLayout.addLayout(self.sessionForm)

        self.buttonBox = QDialogButtonBox(TimetableEntryDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kindCombo)
        self.titleLabel.setBuddy(self.titleEdit)
        self.dayLabel.setBuddy(self.dateEdit)
        self.startLabel.setBuddy(self.startEdit)
        self.endLabel.setBuddy(self.endEdit)
        self.roomLabel.setBuddy(self.roomEdit)
        self.inspectorsLabel.setBuddy(self.inspectorsView)
        self.othersLabel.setBuddy(self.attendees)
        self.childrenLabel.setBuddy(self.childrenView)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.kindCombo, self.titleEdit)
        QWidget.setTabOrder(self.titleEdit, self.dateEdit)
        QWidget.setTabOrder(self.dateEdit, self.startEdit)
        QWidget.setTabOrder(self.startEdit, self.endEdit)
        QWidget.setTabOrder(self.endEdit, self.roomEdit)
        QWidget.setTabOrder(self.roomEdit, self.inspectorsView)
        QWidget.setTabOrder(self.inspectorsView, self.attendees)
        QWidget.setTabOrder(self.attendees, self.childrenView)

        self.retranslateUi(TimetableEntryDialog)
        self.buttonBox.accepted.connect(TimetableEntryDialog.accept)
        self.buttonBox.rejected.connect(TimetableEntryDialog.reject)

        QMetaObject.connectSlotsByName(TimetableEntryDialog)
    # setupUi

    def retranslateUi(self, TimetableEntryDialog):
        TimetableEntryDialog.setWindowTitle(QCoreApplication.translate("TimetableEntryDialog", u"Timetable session", None))
        self.kindLabel.setText(QCoreApplication.translate("TimetableEntryDialog", u"&Kind:", None))
        self.titleLabel.setText(QCoreApplication.translate("TimetableEntryDialog", u"&Title:", None))
        self.titleEdit.setPlaceholderText(QCoreApplication.translate("TimetableEntryDialog", u"e.g. Focus group: social workers", None))
        self.dayLabel.setText(QCoreApplication.translate("TimetableEntryDialog", u"&Day:", None))
        self.startLabel.setText(QCoreApplication.translate("TimetableEntryDialog", u"&From", None))
        self.startEdit.setPlaceholderText(QCoreApplication.translate("TimetableEntryDialog", u"HH:MM", None))
#if QT_CONFIG(accessibility)
        self.startEdit.setAccessibleName(QCoreApplication.translate("TimetableEntryDialog", u"Starts at", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.startEdit.setToolTip(QCoreApplication.translate("TimetableEntryDialog", u"Time of day, 24-hour clock (leave empty when not known)", None))
#endif // QT_CONFIG(tooltip)
        self.endLabel.setText(QCoreApplication.translate("TimetableEntryDialog", u"&until", None))
        self.endEdit.setPlaceholderText(QCoreApplication.translate("TimetableEntryDialog", u"HH:MM", None))
#if QT_CONFIG(accessibility)
        self.endEdit.setAccessibleName(QCoreApplication.translate("TimetableEntryDialog", u"Ends at", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.endEdit.setToolTip(QCoreApplication.translate("TimetableEntryDialog", u"Time of day, 24-hour clock (leave empty when not known)", None))
#endif // QT_CONFIG(tooltip)
        self.roomLabel.setText(QCoreApplication.translate("TimetableEntryDialog", u"&Room:", None))
        self.roomEdit.setPlaceholderText(QCoreApplication.translate("TimetableEntryDialog", u"optional: where it takes place", None))
        self.inspectorsLabel.setText(QCoreApplication.translate("TimetableEntryDialog", u"&Inspectors:", None))
#if QT_CONFIG(accessibility)
        self.inspectorsView.setAccessibleName(QCoreApplication.translate("TimetableEntryDialog", u"Inspectors attending", None))
#endif // QT_CONFIG(accessibility)
        self.othersLabel.setText(QCoreApplication.translate("TimetableEntryDialog", u"&Others attending:", None))
        self.childrenLabel.setText(QCoreApplication.translate("TimetableEntryDialog", u"C&hildren:", None))
#if QT_CONFIG(accessibility)
        self.childrenView.setAccessibleName(QCoreApplication.translate("TimetableEntryDialog", u"Children whose cases are tracked", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

