# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'front_door_targets.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QLineEdit, QSizePolicy,
    QSpacerItem, QSpinBox, QVBoxLayout, QWidget)

class Ui_FrontDoorTargetsDialog(object):
    def setupUi(self, FrontDoorTargetsDialog):
        if not FrontDoorTargetsDialog.objectName():
            FrontDoorTargetsDialog.setObjectName(u"FrontDoorTargetsDialog")
        FrontDoorTargetsDialog.resize(460, 300)
        self.dialogLayout = QVBoxLayout(FrontDoorTargetsDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.targetsForm = QFormLayout()
        self.targetsForm.setObjectName(u"targetsForm")
        self.targetsForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.targetsIntro = QLabel(FrontDoorTargetsDialog)
        self.targetsIntro.setObjectName(u"targetsIntro")
        self.targetsIntro.setWordWrap(True)

        self.targetsForm.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.targetsIntro)

        self.dayStartLabel = QLabel(FrontDoorTargetsDialog)
        self.dayStartLabel.setObjectName(u"dayStartLabel")

        self.targetsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dayStartLabel)

        self.dayStartEdit = QLineEdit(FrontDoorTargetsDialog)
        self.dayStartEdit.setObjectName(u"dayStartEdit")
        self.dayStartEdit.setMaximumWidth(70)
        self.dayStartEdit.setMaxLength(5)

        self.targetsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dayStartEdit)

        self.dayEndLabel = QLabel(FrontDoorTargetsDialog)
        self.dayEndLabel.setObjectName(u"dayEndLabel")

        self.targetsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.dayEndLabel)

        self.dayEndEdit = QLineEdit(FrontDoorTargetsDialog)
        self.dayEndEdit.setObjectName(u"dayEndEdit")
        self.dayEndEdit.setMaximumWidth(70)
        self.dayEndEdit.setMaxLength(5)

        self.targetsForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.dayEndEdit)

        self.decisionTargetLabel = QLabel(FrontDoorTargetsDialog)
        self.decisionTargetLabel.setObjectName(u"decisionTargetLabel")

        self.targetsForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.decisionTargetLabel)

        self.decisionTargetSpin = QSpinBox(FrontDoorTargetsDialog)
        self.decisionTargetSpin.setObjectName(u"decisionTargetSpin")
        self.decisionTargetSpin.setMinimum(1)
        self.decisionTargetSpin.setMaximum(400)

        self.targetsForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.decisionTargetSpin)

        self.strategyTargetLabel = QLabel(FrontDoorTargetsDialog)
        self.strategyTargetLabel.setObjectName(u"strategyTargetLabel")

        self.targetsForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.strategyTargetLabel)

        self.strategyTargetSpin = QSpinBox(FrontDoorTargetsDialog)
        self.strategyTargetSpin.setObjectName(u"strategyTargetSpin")
        self.strategyTargetSpin.setMinimum(1)
        self.strategyTargetSpin.setMaximum(400)

        self.targetsForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.strategyTargetSpin)

        self.section47TargetLabel = QLabel(FrontDoorTargetsDialog)
        self.section47TargetLabel.setObjectName(u"section47TargetLabel")

        self.targetsForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.section47TargetLabel)

        self.section47TargetSpin = QSpinBox(FrontDoorTargetsDialog)
        self.section47TargetSpin.setObjectName(u"section47TargetSpin")
        self.section47TargetSpin.setMinimum(1)
        self.section47TargetSpin.setMaximum(400)

        self.targetsForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.section47TargetSpin)

        self.seenTargetLabel = QLabel(FrontDoorTargetsDialog)
        self.seenTargetLabel.setObjectName(u"seenTargetLabel")

        self.targetsForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.seenTargetLabel)

        self.seenTargetSpin = QSpinBox(FrontDoorTargetsDialog)
        self.seenTargetSpin.setObjectName(u"seenTargetSpin")
        self.seenTargetSpin.setMinimum(1)
        self.seenTargetSpin.setMaximum(400)

        self.targetsForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.seenTargetSpin)


        self.dialogLayout.addLayout(self.targetsForm)

        self.vspacer140690863787184 = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.vspacer140690863787184)

        self.buttonBox = QDialogButtonBox(FrontDoorTargetsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.dayStartLabel.setBuddy(self.dayStartEdit)
        self.dayEndLabel.setBuddy(self.dayEndEdit)
        self.decisionTargetLabel.setBuddy(self.decisionTargetSpin)
        self.strategyTargetLabel.setBuddy(self.strategyTargetSpin)
        self.section47TargetLabel.setBuddy(self.section47TargetSpin)
        self.seenTargetLabel.setBuddy(self.seenTargetSpin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.dayStartEdit, self.dayEndEdit)
        QWidget.setTabOrder(self.dayEndEdit, self.decisionTargetSpin)
        QWidget.setTabOrder(self.decisionTargetSpin, self.strategyTargetSpin)
        QWidget.setTabOrder(self.strategyTargetSpin, self.section47TargetSpin)
        QWidget.setTabOrder(self.section47TargetSpin, self.seenTargetSpin)

        self.retranslateUi(FrontDoorTargetsDialog)
        self.buttonBox.accepted.connect(FrontDoorTargetsDialog.accept)
        self.buttonBox.rejected.connect(FrontDoorTargetsDialog.reject)

        QMetaObject.connectSlotsByName(FrontDoorTargetsDialog)
    # setupUi

    def retranslateUi(self, FrontDoorTargetsDialog):
        FrontDoorTargetsDialog.setWindowTitle(QCoreApplication.translate("FrontDoorTargetsDialog", u"Front door targets", None))
        self.targetsIntro.setText(QCoreApplication.translate("FrontDoorTargetsDialog", u"How long each step may take, in working hours: the office day's hours on working days (weekends and bank holidays count nothing). The same targets apply to the whole team.", None))
        self.dayStartLabel.setText(QCoreApplication.translate("FrontDoorTargetsDialog", u"Office day &starts:", None))
        self.dayStartEdit.setPlaceholderText(QCoreApplication.translate("FrontDoorTargetsDialog", u"HH:MM", None))
#if QT_CONFIG(accessibility)
        self.dayStartEdit.setAccessibleName(QCoreApplication.translate("FrontDoorTargetsDialog", u"Office day starts", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.dayStartEdit.setToolTip(QCoreApplication.translate("FrontDoorTargetsDialog", u"Time of day, 24-hour clock (leave empty when not known)", None))
#endif // QT_CONFIG(tooltip)
        self.dayEndLabel.setText(QCoreApplication.translate("FrontDoorTargetsDialog", u"Office day &ends:", None))
        self.dayEndEdit.setPlaceholderText(QCoreApplication.translate("FrontDoorTargetsDialog", u"HH:MM", None))
#if QT_CONFIG(accessibility)
        self.dayEndEdit.setAccessibleName(QCoreApplication.translate("FrontDoorTargetsDialog", u"Office day ends", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.dayEndEdit.setToolTip(QCoreApplication.translate("FrontDoorTargetsDialog", u"Time of day, 24-hour clock (leave empty when not known)", None))
#endif // QT_CONFIG(tooltip)
        self.decisionTargetLabel.setText(QCoreApplication.translate("FrontDoorTargetsDialog", u"Contact to MASH &decision:", None))
        self.decisionTargetSpin.setSuffix(QCoreApplication.translate("FrontDoorTargetsDialog", u" working hours", None))
        self.strategyTargetLabel.setText(QCoreApplication.translate("FrontDoorTargetsDialog", u"Decision to s&trategy discussion:", None))
        self.strategyTargetSpin.setSuffix(QCoreApplication.translate("FrontDoorTargetsDialog", u" working hours", None))
        self.section47TargetLabel.setText(QCoreApplication.translate("FrontDoorTargetsDialog", u"Strategy discussion to section &47:", None))
        self.section47TargetSpin.setSuffix(QCoreApplication.translate("FrontDoorTargetsDialog", u" working hours", None))
        self.seenTargetLabel.setText(QCoreApplication.translate("FrontDoorTargetsDialog", u"Contact to child see&n:", None))
        self.seenTargetSpin.setSuffix(QCoreApplication.translate("FrontDoorTargetsDialog", u" working hours", None))
    # retranslateUi

